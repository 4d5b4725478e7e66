import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Load of the analysis-throughput benchmark (kafka_analyses.py): waits until the ai-analyzers group is stable with
 * the expected members, then publishes a backlog of entry requests at once on signal.analysis.requests (keyed by
 * coin, round robin over the coins, each with its own momentum so none is a cache hit or coalesced with another,
 * deadline far enough that none is dropped) and reads the answers on a reply topic of its own. Prints one JSON line:
 * analyses per second (requests / time from the first send to the last done), time to decision and to the whole
 * answer (p50, p95), answers per analyzer, answers not from the model.
 * Run: java -cp "ai-analyzer-service/target/quarkus-app/lib/main/*" bench/AnalysisLoad.java BOOTSTRAP REQUESTS COINS MEMBERS
 */
public class AnalysisLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int requests = Integer.parseInt(args[1]);
        int coins = Integer.parseInt(args[2]);
        int members = Integer.parseInt(args[3]);
        String replyTo = "signal.analysis.results.bench-" + UUID.randomUUID().toString().substring(0, 8);
        awaitStableGroup(bootstrap, members);

        Map<String, Object> consumerProps = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Object> producerProps = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 0);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            // the reply topic exists and is read before the first request goes out
            producer.send(new ProducerRecord<>(replyTo, "warm-up", "{}")).get(30, TimeUnit.SECONDS);
            consumer.subscribe(List.of(replyTo));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }

            Map<String, Long> sentAt = new HashMap<>();
            Map<String, Long> signalMs = new HashMap<>();
            Map<String, Long> doneMs = new HashMap<>();
            Map<String, Integer> byAnalyzer = new TreeMap<>();
            int notModel = 0;
            long first = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                String id = UUID.randomUUID().toString();
                String coin = String.format(Locale.ROOT, "C%02d", i % coins);
                sentAt.put(id, System.nanoTime());
                producer.send(new ProducerRecord<>("signal.analysis.requests", coin, request(id, coin, i, replyTo)));
            }
            producer.flush();
            long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
            while (doneMs.size() < requests && System.nanoTime() < until) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Long sent = sentAt.get(record.key());
                    if (sent == null) {
                        continue;
                    }
                    JsonNode answer = JSON.readTree(record.value());
                    long ms = (System.nanoTime() - sent) / 1_000_000;
                    if ("signal".equals(answer.path("kind").asText())) {
                        signalMs.putIfAbsent(record.key(), ms);
                        byAnalyzer.merge(answer.path("analyzer").asText(), 1, Integer::sum);
                        if (!"AI".equals(answer.path("data").path("source").asText())) {
                            notModel++;
                        }
                    } else if ("done".equals(answer.path("kind").asText())) {
                        doneMs.putIfAbsent(record.key(), ms);
                    }
                }
            }
            double seconds = doneMs.values().stream().mapToLong(Long::longValue).max().orElse(0) / 1000.0;
            Map<String, Object> out = new TreeMap<>();
            out.put("requests", requests);
            out.put("answered", doneMs.size());
            out.put("seconds", seconds);
            out.put("analysesPerSecond", seconds == 0 ? 0 : doneMs.size() / seconds);
            out.put("signalP50Ms", pct(signalMs.values(), 50));
            out.put("signalP95Ms", pct(signalMs.values(), 95));
            out.put("doneP50Ms", pct(doneMs.values(), 50));
            out.put("doneP95Ms", pct(doneMs.values(), 95));
            out.put("byAnalyzer", byAnalyzer);
            out.put("notFromModel", notModel);
            System.out.println(JSON.writeValueAsString(out));
        }
    }

    /** Until the group has settled with every member of every analyzer (each in-flight slot is a member). */
    private static void awaitStableGroup(String bootstrap, int members) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Instant deadline = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(deadline)) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("ai-analyzers")).all()
                        .get(10, TimeUnit.SECONDS).get("ai-analyzers");
                if (group.groupState() == GroupState.STABLE && group.members().size() == members
                        && group.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
                    return;
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("the ai-analyzers group did not settle with " + members + " members");
        }
    }

    private static String request(String id, String coin, int i, String replyTo) throws Exception {
        double price = 100 + i;
        // a different momentum and book per request: a distinct market state (no cache hit, no coalescing)
        String momentum = String.format(Locale.ROOT, "%.2f", 0.10 + 0.07 * i);
        String bidShare = String.format(Locale.ROOT, "%.2f", 0.50 + (i % 9) * 0.05);
        String market = "{\"source\":\"bench\",\"asOf\":\"" + Instant.now() + "\",\"coins\":[{\"coin\":\"" + coin
                + "\",\"symbol\":\"" + coin + "USDT\",\"venue\":\"SIMULATOR\",\"lastPrice\":" + price + ",\"bestBid\":" + price
                + ",\"bestAsk\":" + price + ",\"midPrice\":" + price + ",\"spread\":0.01,\"momentum60sPct\":" + momentum
                + ",\"bookImbalance\":{\"bidShare\":" + bidShare + ",\"bidAskRatio\":1.5,\"levels\":10},"
                + "\"trades60s\":{\"buyCount\":" + (5 + i % 7) + ",\"sellCount\":3,\"buyVolume\":2.5,\"sellVolume\":1.0},"
                + "\"vwap60s\":" + price + ",\"volatility60sPct\":0.12,\"lastEventAgeMs\":100,\"updatedAt\":\"" + Instant.now() + "\"}]}";
        return "{\"requestId\":\"" + id + "\",\"type\":\"ENTRY\",\"deadline\":\"" + Instant.now().plus(Duration.ofMinutes(10))
                + "\",\"replyTo\":\"" + replyTo + "\",\"body\":{\"coin\":\"" + coin + "\",\"side\":\"LONG\",\"price\":" + price
                + ",\"market\":" + market + "}}";
    }

    private static long pct(Collection<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        if (sorted.isEmpty()) {
            return -1;
        }
        sorted.sort(null);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
