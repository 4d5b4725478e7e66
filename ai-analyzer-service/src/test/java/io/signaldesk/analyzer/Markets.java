package io.signaldesk.analyzer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.signaldesk.analyzer.domain.MarketSnapshotDto;
import io.signaldesk.core.market.CoinSnapshot;

/** The feed snapshot fixture (src/test/resources/feed/snapshot.json) as domain records. */
public final class Markets {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    private Markets() {
    }

    public static MarketSnapshotDto snapshot() {
        try {
            return MAPPER.readValue(StubServers.fixture("feed/snapshot.json"), MarketSnapshotDto.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CoinSnapshot coin(String coin) {
        return snapshot().coin(coin).orElseThrow();
    }
}
