package io.signaldesk.analyzer.rest;

/** How a coin ticker must look in a request. */
final class Coins {

    static final String PATTERN = "[A-Za-z0-9]{2,10}";
    static final String MESSAGE = "must be a ticker of 2-10 letters or digits, e.g. BTC";

    private Coins() {
    }
}
