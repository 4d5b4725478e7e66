package io.signaldesk.decision.lessons;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.signaldesk.decision.engine.port.EdgeStore.ScoredAnswer;

/**
 * The test fixture {@code lessons/scored-entries-2024-10.csv}: 120 entry answers scored on the Q4-2024 1 m candles
 * (how they were made is in the file's header), as the ledger keeps them: scored on Binance's prices.
 */
public final class ScoredHistory {

    public static final String FILE = "/lessons/scored-entries-2024-10.csv";

    private ScoredHistory() {
    }

    public static List<ScoredAnswer> read(Duration horizon) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ScoredHistory.class.getResourceAsStream(FILE), StandardCharsets.UTF_8))) {
            List<ScoredAnswer> out = new ArrayList<>();
            String line;
            boolean header = true;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",");
                out.add(new ScoredAnswer(f[0], f[1], f[2], "1".equals(f[3]), Integer.valueOf(f[4]), "llama3.2:3b",
                        Instant.parse(f[5]), horizon, new BigDecimal(f[6]), new BigDecimal(f[7]), "1".equals(f[8]), null,
                        null, null).on("binance"));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
