package io.signaldesk.decision.engine.port;

/**
 * Tells a trader away from the screen what happened (the webhook, outside the engine). Never waits on the delivery.
 */
public interface Notifier {

    /** What a notification is about (the {@code event} field of the body and the metric tag). */
    String PROPOSAL = "proposal", FILL = "fill", STOP = "stop", HALT = "halt", RESUME = "resume",
            SAFE_MODE_ON = "safe_mode_on", SAFE_MODE_OFF = "safe_mode_off";

    /** No one to tell: a backtest's engine. */
    Notifier NONE = (event, text, data) -> {
    };

    /** Sends {@code text} and {@code data} about {@code event}; returns at once. */
    void notify(String event, String text, Object data);
}
