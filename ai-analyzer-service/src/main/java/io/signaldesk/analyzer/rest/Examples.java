package io.signaldesk.analyzer.rest;

/** OpenAPI examples, in the contract's shapes. */
final class Examples {

    static final String SENTIMENT_REQUEST = "{\"coins\":[\"BTC\",\"ETH\"]}";
    static final String ENTRY_REQUEST = "{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000.0}";
    static final String EXIT_REQUEST = "{\"coin\":\"BTC\",\"side\":\"LONG\",\"entryPrice\":94000.0,\"currentPrice\":95000.0,"
            + "\"size\":0.01,\"openedAt\":\"2026-11-25T11:40:00Z\"}";
    /** The market an entry or exit was asked on: what a shadow question must carry (the same question). */
    static final String MARKET = ",\"market\":{\"source\":\"simulator\",\"asOf\":\"2026-11-25T12:00:00Z\",\"coins\":[{\"coin\":\"BTC\","
            + "\"lastPrice\":95000.1,\"momentum60sPct\":0.35,\"bookImbalance\":{\"bidShare\":0.62,\"bidAskRatio\":1.63,\"levels\":10},"
            + "\"trades60s\":{\"buyCount\":5,\"sellCount\":2,\"buyVolume\":1.25,\"sellVolume\":0.4},\"updatedAt\":\"2026-11-25T12:00:00Z\"}]}}";
    static final String SHADOW_ENTRY_REQUEST = "{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000.0" + MARKET;
    static final String SHADOW_EXIT_REQUEST = "{\"coin\":\"BTC\",\"side\":\"LONG\",\"entryPrice\":94000.0,\"currentPrice\":95000.0,"
            + "\"size\":0.01,\"openedAt\":\"2026-11-25T11:40:00Z\"" + MARKET;
    static final String RISK_REQUEST = "{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000.0,\"equity\":10000.0}";
    static final String SENTIMENT_ENVELOPE = "{\"type\":\"SENTIMENT\",\"result\":{\"sentiment\":\"BULLISH\",\"confidence\":7,"
            + "\"signal\":\"LONG\",\"coin\":\"BTC\",\"reason\":\"Strong buying pressure with 3:1 bid/ask ratio and positive momentum\"},"
            + "\"source\":\"AI\",\"model\":\"llama3.2:3b\",\"latencyMs\":850,\"promptTokens\":120,\"completionTokens\":30,"
            + "\"fallbackReason\":null,\"reprompted\":false,\"at\":\"2026-11-25T12:00:00Z\"}";
    static final String ENTRY_ENVELOPE = "{\"type\":\"ENTRY\",\"result\":{\"enter\":true,\"confidence\":7,\"reason\":\"Momentum and bids back the long.\"},"
            + "\"source\":\"RULES\",\"model\":\"rules\",\"latencyMs\":2001,\"promptTokens\":0,\"completionTokens\":0,"
            + "\"fallbackReason\":\"TIMEOUT\",\"reprompted\":false,\"at\":\"2026-11-25T12:00:00Z\"}";
    static final String EXIT_ENVELOPE = "{\"type\":\"EXIT\",\"result\":{\"action\":\"HOLD\",\"confidence\":6,\"reason\":\"Trend intact at +1.06%.\"},"
            + "\"source\":\"CACHE\",\"model\":\"llama3.2:3b\",\"latencyMs\":1,\"promptTokens\":0,\"completionTokens\":0,"
            + "\"fallbackReason\":null,\"reprompted\":false,\"at\":\"2026-11-25T12:00:00Z\"}";
    static final String RISK_ENVELOPE = "{\"type\":\"RISK\",\"result\":{\"positionSizePct\":2.0,\"stopLossPct\":1.5,\"confidence\":6,"
            + "\"reason\":\"Low volatility allows a tight stop.\"},\"source\":\"AI\",\"model\":\"llama3.2:3b\",\"latencyMs\":900,"
            + "\"promptTokens\":110,\"completionTokens\":28,\"fallbackReason\":null,\"reprompted\":false,\"at\":\"2026-11-25T12:00:00Z\"}";
    static final String BAD_REQUEST = "{\"error\":\"price must be greater than 0\",\"field\":\"price\"}";
    static final String OLLAMA_DOWN = "{\"error\":\"Ollama unreachable at http://localhost:11434\"}";
    static final String FEED_DOWN = "{\"error\":\"market feed unavailable at http://localhost:8081 (ProcessingException: Connection refused)\",\"field\":\"market\"}";
    static final String STATUS = "{\"line\":\"🧠 AI REASONING │ 🤖 LOCAL AI │ Model: llama3.2:3b │ Tokens: 12,450 │ Calls: 42 │ Avg: 850ms │ Answers: 40 model · 120 cache · 3 rules\","
            + "\"mode\":\"AI\",\"model\":\"llama3.2:3b\",\"ollamaReachable\":true,\"totalTokens\":12450,\"totalCalls\":42,\"avgResponseTimeMs\":850.0,"
            + "\"modeSince\":\"2026-11-25T12:00:00Z\",\"modeSetBy\":\"configuration\"}";
    static final String METRICS = "{\"totalTokens\":12450,\"totalCalls\":42,\"avgResponseTimeMs\":850.0,\"modelName\":\"llama3.2:3b\","
            + "\"sessionTokens\":1500,\"sessionCalls\":5,\"totalPromptTokens\":10000,\"totalCompletionTokens\":2450,"
            + "\"sessionPromptTokens\":1200,\"sessionCompletionTokens\":300,\"sessionAvgResponseTimeMs\":800.0,"
            + "\"p95ResponseTimeMs\":1400.0,\"tokensPerSecond\":35.2,\"failedCalls\":1,\"fallbacks\":{\"TIMEOUT\":2,"
            + "\"MODEL_DOWN\":1,\"INVALID_OUTPUT\":0,\"CIRCUIT_OPEN\":0,\"MODE_RULES\":0},\"cacheHits\":12,\"cacheMisses\":40,"
            + "\"cacheHitRatio\":0.23,\"deadlineMisses\":2,\"sessionStartedAt\":\"2026-11-25T11:00:00Z\","
            + "\"modelAnswers\":40,\"cacheAnswers\":12,\"rulesAnswers\":3,\"cutCalls\":6,\"cutPromptTokensEstimated\":410,"
            + "\"cutCompletionTokensStreamed\":96}";
    static final String MODE = "{\"mode\":\"AI\",\"since\":\"2026-11-25T12:00:00Z\",\"setBy\":\"configuration\"}";
    static final String MODEL = "{\"model\":\"llama3.2:3b\"}";
    static final String MODELS = "{\"active\":\"llama3.2:3b\",\"models\":[{\"name\":\"llama3.2:3b\",\"size\":2019393189,"
            + "\"parameterSize\":\"3.2B\",\"quantization\":\"Q4_K_M\",\"family\":\"llama\",\"active\":true}]}";

    private Examples() {
    }
}
