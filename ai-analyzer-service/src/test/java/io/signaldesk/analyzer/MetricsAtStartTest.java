package io.signaldesk.analyzer;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.common.test.MetricsAtStartCheck;

/** Every analyzer metric a dashboard or an alert rule reads is in /q/metrics from start-up. */
@QuarkusTest
@QuarkusTestResource(StubServers.class)
class MetricsAtStartTest extends MetricsAtStartCheck {

    @Override
    protected List<String> prefixes() {
        return List.of("analyzer_", "gen_ai_");
    }
}
