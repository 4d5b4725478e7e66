package io.signaldesk.feed;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.common.test.MetricsAtStartCheck;

/** Every feed metric a dashboard or an alert rule reads is in /q/metrics from start-up. */
@QuarkusTest
class MetricsAtStartTest extends MetricsAtStartCheck {

    @Override
    protected List<String> prefixes() {
        return List.of("feed_");
    }
}
