package io.signaldesk.analyzer.service;

/** A queued or running model call the queue dropped: nobody waits for it any more, or newer work needs the model. */
public class CallDroppedException extends RuntimeException {

    public CallDroppedException(String why) {
        super(why, null, false, false);
    }
}
