package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;


import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.engine.port.FeedMessage;

/** The feed's identity as its frames carry it, and decision.feed.expected-source. */
class FeedIdentityTest {

    private static final FeedIdentity SIMULATOR = new FeedIdentity("simulator", "3fa2c1d0", "simulator");
    private static final FeedIdentity REPLAY = new FeedIdentity("replay", "77b0e2aa", "replay#77b0e2aa");

    @Test
    void readsTheIdentityOfAFeedFrameAndCallsAFrameWithoutOneUnknown() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        FeedMessage frame = mapper.readValue("""
                {"type":"snapshot","asOf":"2026-11-27T06:00:00Z","feed":{"source":"simulator","runId":"3fa2c1d0",
                 "market":"simulator","startedAt":"2026-11-27T05:58:00Z"},"coins":[]}""", FeedMessage.class);
        assertEquals(SIMULATOR, frame.identity());
        FeedMessage old = mapper.readValue("{\"type\":\"snapshot\",\"asOf\":\"2026-11-27T06:00:00Z\",\"coins\":[]}",
                FeedMessage.class);
        assertEquals(FeedIdentity.UNKNOWN, old.identity());
    }

    @Test
    void anExpectedSourceRefusesFramesOfAnyOtherSource() {
        assertTrue(MarketIntake.accepts("simulator", SIMULATOR));
        assertTrue(MarketIntake.accepts(" Simulator ", SIMULATOR));
        assertFalse(MarketIntake.accepts("simulator", REPLAY));
        assertFalse(MarketIntake.accepts("simulator", FeedIdentity.UNKNOWN));
        assertTrue(MarketIntake.accepts("any", REPLAY));
        assertTrue(MarketIntake.accepts("", REPLAY));
    }
}
