package io.signaldesk.analyzer.client;

/** market-feed-service could not give a snapshot. */
public class FeedUnavailableException extends RuntimeException {

    private final String url;

    public FeedUnavailableException(String url, String detail) {
        super("market feed unavailable at " + url + " (" + detail + ")", null, false, false);
        this.url = url;
    }

    public String url() {
        return url;
    }
}
