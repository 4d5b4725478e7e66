import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Baseline of the feed-ingest benchmark: reads the same Binance capture files ("<receive ns> <json>" lines,
 * gzip) and parses each frame with bare Jackson (readTree), nothing else. One cold pass, like the feed's
 * replay in a fresh JVM. Prints "frames=<n> ms=<elapsed>".
 * Run: java -cp "market-feed-service/target/quarkus-app/lib/main/*" bench/BareParse.java FILE...
 */
public class BareParse {

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        long frames = 0;
        long fields = 0;
        long start = System.nanoTime();
        for (String file : args) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(file)), 1 << 16);
                    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    int space = line.indexOf(' ');
                    if (space < 0) {
                        continue;
                    }
                    JsonNode frame = mapper.readTree(line.substring(space + 1));
                    fields += frame.size();
                    frames++;
                }
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("frames=" + frames + " ms=" + ms + " fields=" + fields);
    }
}
