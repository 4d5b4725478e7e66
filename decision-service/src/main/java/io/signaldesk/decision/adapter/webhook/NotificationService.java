package io.signaldesk.decision.adapter.webhook;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.decision.engine.port.Notifier;

/**
 * The engine's {@link Notifier} on the webhook: a proposal waiting for confirmation, a fill, a stop, halt and resume,
 * safe mode on and off. Never waits on the webhook; counts each delivery's outcome.
 */
@ApplicationScoped
public class NotificationService implements Notifier {

    private static final List<String> EVENTS = List.of(PROPOSAL, FILL, STOP, HALT, RESUME, SAFE_MODE_ON, SAFE_MODE_OFF);

    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    private final WebhookClient webhook;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final Clock clock;

    NotificationService(WebhookClient webhook, ObjectMapper mapper, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.webhook = webhook;
        this.mapper = mapper;
        this.registry = registry;
        for (String event : EVENTS) {
            for (String outcome : List.of("delivered", "failed")) {
                registry.counter("decision.notifications", "event", event, "outcome", outcome);
            }
        }
    }

    /**
     * Sends {@code {"event":..,"at":..,"text":..,"data":{..}}} when a webhook is configured; returns at once.
     * {@code data} is serialised now, so later changes to it are not sent.
     */
    @Override
    public void notify(String event, String text, Object data) {
        if (webhook == null || !webhook.enabled()) { // none configured
            return;
        }
        ObjectNode body = mapper.createObjectNode();
        body.put("event", event);
        body.put("at", clock.instant().toString());
        body.put("text", text);
        body.set("data", mapper.valueToTree(data == null ? Map.of() : data));
        try {
            webhook.deliver(body).whenComplete((ok, failure) -> {
                registry.counter("decision.notifications", "event", event, "outcome",
                        failure == null ? "delivered" : "failed").increment();
                if (failure != null) {
                    LOG.warnf("notification %s not delivered after retries: %s", event, failure.toString());
                }
            });
        } catch (RuntimeException e) {
            registry.counter("decision.notifications", "event", event, "outcome", "failed").increment();
            LOG.warnf("notification %s not queued: %s", event, e.toString());
        }
    }
}
