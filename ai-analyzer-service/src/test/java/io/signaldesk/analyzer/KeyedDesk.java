package io.signaldesk.analyzer;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The analyzer as a desk runs it in production: the controls keyed (SIGNAL_API_KEY), the decision service known by its
 * engine key (SIGNAL_ENGINE_KEY) and outside callers rate-limited, with a one-second deadline. One profile, so one app
 * build and start, for the classes that need any of it: {@link SecuredControlsTest}, {@link OutsideCallersTest} and
 * {@link DeadlineTest}. They share the outside callers' bucket of 127.0.0.1, so only {@link OutsideCallersTest} asks as
 * an outside caller; the others ask as the desk (X-Engine-Key), which is never limited.
 */
public class KeyedDesk implements QuarkusTestProfile {

    /** What the decision service sends as X-Engine-Key here. */
    public static final String ENGINE_KEY = "engine-key";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("signal.api-key", "test-key", "signal.engine-key", ENGINE_KEY,
                // one a minute after the burst: a loaded machine cannot refill the bucket while the test asks
                "analyzer.outside.per-minute", "1",
                // the other profiles' deadline is long, so a loaded machine never turns a model answer into rules there
                "analyzer.deadline", "1s");
    }
}
