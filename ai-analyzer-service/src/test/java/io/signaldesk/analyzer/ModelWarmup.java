package io.signaldesk.analyzer;

import java.util.List;

import io.signaldesk.analyzer.service.Caller;
import io.signaldesk.analyzer.service.ModelGateway;
import io.signaldesk.analyzer.service.SentimentTask;

/** The first model call of a JVM loads classes for a while; make it outside any test's deadline. */
final class ModelWarmup {

    private static boolean done;

    private ModelWarmup() {
    }

    static synchronized void once(ModelGateway gateway) {
        if (!done) {
            gateway.ask(new SentimentTask(List.of(Markets.coin("BTC"))), "warmup", Caller.DESK, Long.MAX_VALUE,
                    ModelGateway.Listener.NONE).toCompletableFuture().join();
            done = true;
            StubServers.reset();
        }
    }
}
