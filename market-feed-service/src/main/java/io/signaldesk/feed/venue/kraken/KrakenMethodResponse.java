package io.signaldesk.feed.venue.kraken;

/**
 * Answer to a request: {@code {"method":"subscribe","result":{...},"success":true,"req_id":1}}, or
 * {@code "success":false} with {@code "error"}; also {@code {"method":"pong"}}.
 */
public record KrakenMethodResponse(String method, boolean success, String error, String channel, String symbol)
        implements KrakenMessage {

    @Override
    public String type() {
        return success ? method : "error";
    }
}
