package io.signaldesk.decision.api;

import java.util.regex.Pattern;

import io.signaldesk.common.error.BadInputException;
import io.signaldesk.common.error.Shorten;
import io.signaldesk.decision.engine.EdgeService;

/**
 * The {@code market} of a figure asked for (FeedIdentity.market: a venue's name, {@code simulator}, {@code replay#<run>},
 * {@code backtest#run}, {@code unknown}, or {@code market not recorded} for the records from before markets were kept);
 * absent: the market the desk trades now. Anything else is a 400 naming market.
 */
final class MarketParam {

    static final String PATTERN = "^(market not recorded|[a-z0-9][a-z0-9._:-]{0,39}(#[A-Za-z0-9_-]{1,64})?)$";
    private static final Pattern MARKET = Pattern.compile(PATTERN);

    private MarketParam() {
    }

    /** The market asked for, or null (the desk's market now) when absent or empty, as a listing's limit is. */
    static String of(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (MARKET.matcher(raw).matches()) {
            return raw;
        }
        throw new BadInputException("market", "market must be a feed's market (a venue's name, simulator, replay#<run>, "
                + "backtest#run) or '" + EdgeService.NOT_RECORDED + "', got '" + Shorten.text(raw) + "'");
    }
}
