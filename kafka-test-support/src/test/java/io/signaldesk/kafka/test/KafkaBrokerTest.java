package io.signaldesk.kafka.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The broker as a process (records kept across a kill -9) is deploy's KafkaBrokerIT: off the services' critical path. */
class KafkaBrokerTest {

    @Test
    void clusterIdsNeverLookLikeAnOption() {
        for (int i = 0; i < 10_000; i++) {
            String id = KafkaBroker.uuidBase64();
            assertEquals(22, id.length(), id);
            assertFalse(id.startsWith("-"), id);
        }
    }
}
