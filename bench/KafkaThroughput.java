import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.signaldesk.kafka.test.KafkaBroker;

/**
 * Events per second through Kafka from feed to decision (SIGNAL_TRANSPORT=kafka), on a real one-node KRaft broker
 * (kafka-test-support's KafkaBroker) and the packaged services as processes on free loopback ports:
 * 1. live: the simulator feed publishes for N seconds; the rate the feed sent (feed_kafka_records_total) and the
 *    rate the decision service took in (decision_feed_frames_total);
 * 2. capacity: the feed is stopped and this program publishes M one-coin snapshot frames (the feed's record format,
 *    three coins, moving prices) to signal.market.latest as fast as the producer goes; the decision service's
 *    intake rate from the first to the last of them is what one decision service can follow.
 * Prints the figures (never asserts). Run through bench/kafka.sh.
 */
public class KafkaThroughput {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        int liveSeconds = 10;
        int records = 20000;
        Path root = Path.of(".").toAbsolutePath().normalize();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--live-seconds" -> liveSeconds = Integer.parseInt(args[i + 1]);
                case "--records" -> records = Integer.parseInt(args[i + 1]);
                case "--root" -> root = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("kafka-bench-");
        List<Process> processes = new ArrayList<>();
        try (KafkaBroker broker = KafkaBroker.create().orElseThrow(() -> new IllegalStateException(KafkaBroker.INSTALL))) {
            long t0 = System.nanoTime();
            broker.start();
            System.out.printf("broker up in %.1f s on %s%n", (System.nanoTime() - t0) / 1e9, broker.bootstrapServers());

            int feedPort = KafkaBroker.freePort();
            int decisionPort = KafkaBroker.freePort();
            Process feed = start(root, "market-feed-service", feedPort, broker, work, List.of());
            processes.add(feed);
            awaitReady(feedPort);
            Process decision = start(root, "decision-service", decisionPort, broker, work,
                    List.of("-Ddecision.db.path=" + work.resolve("decision.db"), "-Ddecision.default-mode=RULES",
                            "-Ddecision.feed.kafka-max-age=10m", // capacity: records wait in the topic, none skipped
                            "-Dquarkus.rest-client.ai-analyzer.url=http://127.0.0.1:" + KafkaBroker.freePort()));
            processes.add(decision);
            awaitReady(decisionPort);

            // 1. live (after the decision service caught up with what the topic held before it started)
            Thread.sleep(3000);
            double sent0 = metric(feedPort, "feed_kafka_records_total\\{topic=\"signal.market.latest\"\\}");
            double taken0 = metric(decisionPort, "decision_feed_frames_total");
            Thread.sleep(liveSeconds * 1000L);
            double sent = metric(feedPort, "feed_kafka_records_total\\{topic=\"signal.market.latest\"\\}") - sent0;
            double taken = metric(decisionPort, "decision_feed_frames_total") - taken0;
            System.out.printf("live (simulator feed, 3 coins, %d s): feed sent %.1f snapshots/s per topic, decision took %.1f/s%n",
                    liveSeconds, sent / liveSeconds, taken / liveSeconds);

            // 2. capacity
            feed.destroy();
            feed.waitFor();
            Thread.sleep(1500); // let the last live records drain
            double before = metric(decisionPort, "decision_feed_frames_total");
            String feedIdentity = "{\"source\":\"simulator\",\"runId\":\"bench\",\"market\":\"simulator\",\"startedAt\":\""
                    + Instant.now() + "\"}";
            Properties props = new Properties();
            props.put("bootstrap.servers", broker.bootstrapServers());
            props.put("linger.ms", "5");
            props.put("acks", "all");
            String[] coins = {"BTC", "ETH", "SOL"};
            double[] prices = {64000, 3300, 180};
            long start = System.nanoTime();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < records; i++) {
                    int c = i % 3;
                    prices[c] *= 1 + ((i * 7919) % 11 - 5) / 100000.0;
                    acks.add(producer.send(new ProducerRecord<>("signal.market.latest", coins[c], frame(feedIdentity, coins[c], prices[c]))));
                }
                for (Future<RecordMetadata> ack : acks) {
                    ack.get();
                }
            }
            double produced = (System.nanoTime() - start) / 1e9;
            Instant deadline = Instant.now().plusSeconds(120);
            double now = before;
            while (now - before < records && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                now = metric(decisionPort, "decision_feed_frames_total");
            }
            double consumed = (System.nanoTime() - start) / 1e9;
            System.out.printf("capacity (%d records): published at %.0f records/s (%.2f s); decision took %d of them, "
                    + "%.0f records/s end to end (%.2f s from the first send to the last taken)%n",
                    records, records / produced, produced, (long) (now - before), (now - before) / consumed, consumed);
        } finally {
            for (Process p : processes) {
                p.destroy();
                p.waitFor();
            }
        }
    }

    private static String frame(String feed, String coin, double mid) {
        String price = String.format(java.util.Locale.ROOT, "%.2f", mid);
        String now = Instant.now().toString();
        return "{\"type\":\"snapshot\",\"asOf\":\"" + now + "\",\"feed\":" + feed + ",\"coins\":[{\"coin\":\"" + coin
                + "\",\"symbol\":\"" + coin + "USDT\",\"venue\":\"SIMULATOR\",\"lastPrice\":" + price + ",\"bestBid\":" + price
                + ",\"bestAsk\":" + price + ",\"midPrice\":" + price + ",\"spread\":0.01,\"momentum60sPct\":0.01,"
                + "\"bookImbalance\":{\"bidShare\":0.5,\"bidAskRatio\":1.0,\"levels\":10},\"trades60s\":{\"buyCount\":3,"
                + "\"sellCount\":2,\"buyVolume\":1.5,\"sellVolume\":1.2},\"vwap60s\":" + price
                + ",\"volatility60sPct\":0.01,\"lastEventAgeMs\":5,\"updatedAt\":\"" + now + "\"}]}";
    }

    private static Process start(Path root, String module, int port, KafkaBroker broker, Path work, List<String> props)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port));
        command.addAll(props);
        command.addAll(List.of("-jar", root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(module + ".log").toFile());
        builder.environment().put("SIGNAL_TRANSPORT", "kafka");
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        return builder.start();
    }

    private static void awaitReady(int port) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (get(port, "/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("service on :" + port + " not ready in 120 s");
    }

    private static double metric(int port, String nameRegex) throws Exception {
        Matcher m = Pattern.compile("(?m)^" + nameRegex + " ([0-9.eE+-]+)$").matcher(get(port, "/q/metrics").body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
