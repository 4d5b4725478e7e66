package io.signaldesk.feed.venue.binance;

import io.signaldesk.market.binance.BinanceAdapter;
import io.signaldesk.market.binance.BinanceDepthSnapshot;
import io.signaldesk.market.binance.BinanceMessage;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.venue.VenueParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** Fetches the REST depth snapshot ({@code GET /api/v3/depth}) that starts or restarts book synchronisation. */
final class BinanceDepthClient {

    private static final long TIMEOUT_MS = 10_000;

    private final HttpClient http;
    private final String restUrl;
    private final int limit;

    BinanceDepthClient(Vertx vertx, String restUrl, int limit) {
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) TIMEOUT_MS));
        this.restUrl = restUrl;
        this.limit = limit;
    }

    /** The snapshot as parsed, and the body as received (for raw recordings). */
    record Fetched(BinanceDepthSnapshot snapshot, String body) {
    }

    Future<Fetched> fetch(Instrument instrument) {
        String url = BinanceAdapter.depthSnapshotUrl(restUrl, instrument, limit);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .setTimeout(TIMEOUT_MS);
        return http.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().compose(body -> {
                    if (response.statusCode() != 200) {
                        return Future.failedFuture("GET " + url + " answered " + response.statusCode() + ": "
                                + abbreviate(body.toString()));
                    }
                    BinanceMessage message = BinanceAdapter.parse(body.toString());
                    if (message instanceof BinanceDepthSnapshot snapshot) {
                        return Future.succeededFuture(new Fetched(snapshot, body.toString()));
                    }
                    return Future.failedFuture(new VenueParseException("unknown_type",
                            "depth endpoint answered " + message.type()));
                }));
    }

    void close() {
        http.close();
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
