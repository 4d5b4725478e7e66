package io.signaldesk.feed.rest;

/** Example payloads shown in the OpenAPI document and Swagger UI. */
final class OpenApiExamples {

    static final String COIN = """
            {"coin":"BTC","symbol":"BTCUSDT","venue":"SIMULATOR","lastPrice":95000.10,"bestBid":94999.90,\
            "bestAsk":95000.30,"midPrice":95000.10,"spread":0.40,"momentum60sPct":0.35,\
            "bookImbalance":{"bidShare":0.62,"bidAskRatio":1.63,"levels":10},\
            "trades60s":{"buyCount":5,"sellCount":2,"buyVolume":1.25,"sellVolume":0.40},\
            "vwap60s":94990.20,"volatility60sPct":0.12,"lastEventAgeMs":120,"updatedAt":"2026-11-25T12:00:00Z"}""";

    static final String SNAPSHOT = "{\"source\":\"simulator\",\"asOf\":\"2026-11-25T12:00:00Z\",\"coins\":[" + COIN + "],"
            + "\"feed\":{\"source\":\"simulator\",\"runId\":\"3fa2c1d0\",\"market\":\"simulator\","
            + "\"startedAt\":\"2026-11-25T11:58:00Z\"}}";

    static final String BOOK = """
            {"coin":"BTC","symbol":"BTCUSDT","venue":"SIMULATOR","depth":2,\
            "bids":[{"price":94999.90,"size":0.41},{"price":94998.00,"size":0.73}],\
            "asks":[{"price":95001.80,"size":0.22},{"price":95003.70,"size":0.58}],\
            "bidLevels":20,"askLevels":20,"updatedAt":"2026-11-25T12:00:00Z"}""";

    static final String TRADES = """
            {"coin":"BTC","symbol":"BTCUSDT","venue":"SIMULATOR","limit":1,\
            "trades":[{"price":95001.80,"size":0.042,"side":"BUY","tradeId":"BTC-1812",\
            "venueTime":"2026-11-25T12:00:00.012Z","receiveTime":"2026-11-25T12:00:00.030Z"}]}""";

    static final String SOURCES = """
            {"active":"simulator","delivering":true,"sources":[{"name":"simulator","state":"LIVE","url":null,\
            "since":"2026-11-25T11:59:00Z","lastMessage":"2026-11-25T12:00:00Z","messages":4211,"parseErrors":0,\
            "reconnects":0,"resyncs":0,"lastError":null}],\
            "config":{"coins":["BTC","ETH","SOL"],"window":"PT1M","staleAfter":"PT15S","publishInterval":"PT0.1S",\
            "imbalanceDepth":10,"tapeSize":500,"simulatorSeed":42,"simulatorTick":"PT0.1S","replayFiles":null,\
            "replaySpeed":null,"replayFormat":null},\
            "recording":{"file":null,"active":false,"eventsWritten":0,"writeErrors":0,"error":null},\
            "rejectedEvents":{},"invalidCoins":{}}""";

    private OpenApiExamples() {
    }
}
