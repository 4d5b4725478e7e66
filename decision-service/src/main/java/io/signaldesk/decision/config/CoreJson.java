package io.signaldesk.decision.config;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;
import io.signaldesk.core.decision.DecisionSource;
import io.signaldesk.core.market.BookImbalance;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.market.TradeFlow;

/**
 * The trading core's Jackson annotations, given again as mix-ins from this service's own class loader. The core is
 * loaded parent-first ({@code quarkus.class-loading.parent-first-artifacts}), and in the packaged application the
 * parent loader has no jackson-annotations, so the core's own annotations are invisible there (tests, on another
 * class loading, still see them): a decision's source went out as {@code RULES_AND_AI} instead of its label
 * {@code RULES+AI}, and a feed frame with a field the core's records do not know would have been refused.
 */
@Singleton
public class CoreJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(DecisionSource.class, SourceByLabel.class);
        mapper.addMixIn(CoinSnapshot.class, TolerantReader.class);
        mapper.addMixIn(BookImbalance.class, TolerantReader.class);
        mapper.addMixIn(TradeFlow.class, TolerantReader.class);
    }

    abstract static class SourceByLabel {
        @JsonValue
        abstract String label();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    abstract static class TolerantReader {
    }
}
