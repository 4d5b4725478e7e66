package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The engine owns its ports: nothing under {@code engine/} (its ports included) names an adapter, the ledger's JDBC
 * classes, the API or the backtest, nor a transport, CDI or JDBC library. Adapters implement the ports in
 * {@code engine/port}; the engine is built by {@link TradingEngine} alone.
 */
class EngineBoundaryTest {

    private static final Path ENGINE = Path.of("src/main/java/io/signaldesk/decision/engine");

    /** Packages the engine must not name, in an import or spelled out in the code. */
    private static final Pattern FORBIDDEN = Pattern.compile("\\b(io\\.signaldesk\\.decision\\.(adapter|ledger|api|backtest)"
            + "|java\\.sql|javax\\.sql|org\\.apache\\.kafka|io\\.smallrye\\.reactive\\.messaging|jakarta\\.ws\\.rs"
            + "|org\\.eclipse\\.microprofile\\.rest\\.client|io\\.quarkus\\.websockets|io\\.vertx|jakarta\\.enterprise"
            + "|jakarta\\.inject|io\\.quarkus\\.scheduler|io\\.agroal)\\.[\\w.]*");

    @Test
    void engineNamesNoAdapterLedgerApiOrTransport() throws IOException {
        List<Path> sources = sources();
        assertTrue(sources.size() >= 20, "the engine's sources were not found under " + ENGINE.toAbsolutePath());
        List<String> offences = new ArrayList<>();
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                offences.addAll(offences(ENGINE.relativize(source) + ":" + (i + 1), lines.get(i)));
            }
        }
        assertEquals(List.of(), offences, "the engine reaches outside its ports");
    }

    @Test
    void anAdapterImportOrSpelledOutNameIsAnOffence() {
        assertEquals(List.of("X.java:3 io.signaldesk.decision.adapter.feed.FeedClient"),
                offences("X.java:3", "import io.signaldesk.decision.adapter.feed.FeedClient;"));
        assertEquals(List.of("X.java:9 io.signaldesk.decision.ledger.Db.StorageException"),
                offences("X.java:9", "    } catch (io.signaldesk.decision.ledger.Db.StorageException e) {"));
        assertEquals(List.of(), offences("X.java:1", "import io.signaldesk.decision.engine.port.TradeLedger;"));
    }

    private static List<String> offences(String where, String line) {
        List<String> found = new ArrayList<>();
        Matcher matcher = FORBIDDEN.matcher(line);
        while (matcher.find()) {
            found.add(where + " " + matcher.group());
        }
        return found;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(ENGINE)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
