package io.signaldesk.kafka.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one process) run as a child JVM from
 * {@code org.apache.kafka:kafka_2.13}: {@code kafka.tools.StorageTool format}, then {@code kafka.Kafka}, on free
 * loopback ports with its data in a temporary directory. {@link #start()} returns once the broker answers an
 * admin request; {@link #kill()} is {@code kill -9}, {@link #close()} a clean stop that deletes the directory.
 *
 * <p>In a test use {@link #require(String)} first: without the broker's jars it prints one SKIP line and skips,
 * unless {@code CI} is set, where it fails.
 */
public final class KafkaBroker implements AutoCloseable {

    /** What a developer does when the jars are missing (Maven fetches them with the module). */
    public static final String INSTALL = "the Kafka broker jars (./mvnw -B -pl kafka-test-support install: "
            + "org.apache.kafka:kafka_2.13 from Maven Central)";

    private static final String CLASSPATH_RESOURCE = "broker.classpath";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final java.util.Set<Integer> GIVEN_PORTS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final List<Path> classpath;
    private final Path dir;
    private final boolean ownsDir;
    private final int port;
    private final int controllerPort;
    private Process process;
    private KafkaProducer<String, String> producer;

    private KafkaBroker(List<Path> classpath, Path dir, boolean ownsDir, int port, int controllerPort) {
        this.classpath = classpath;
        this.dir = dir;
        this.ownsDir = ownsDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * A broker for the named test on free loopback ports in a new temporary directory, or: without the broker's
     * jars a skipped test and one printed SKIP line (a failure when {@code CI} is set).
     */
    public static KafkaBroker require(String test) {
        Optional<KafkaBroker> broker = create();
        if (broker.isEmpty()) {
            skipOrFail(test);
        }
        return broker.get();
    }

    /** A broker (not started) on free loopback ports in a new temporary directory, if its jars are there. */
    public static Optional<KafkaBroker> create() {
        Optional<List<Path>> jars = brokerClasspath();
        if (jars.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new KafkaBroker(jars.get(), Files.createTempDirectory("kafka-broker-"), true, freePort(),
                    freePort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Without CI one printed SKIP line and a skipped test; with CI a failure (CI always has the broker's jars). */
    public static void skipOrFail(String test) {
        String line = test + ": install " + INSTALL;
        if (System.getenv("CI") != null) {
            Assertions.fail("CI needs the Kafka broker for " + line);
        }
        System.out.println("SKIP " + line);
        Assumptions.abort("SKIP " + line);
    }

    /** A broker on the given ports and directory (kept on close), for a hand-started one: see {@link #main}. */
    public static KafkaBroker at(Path dir, int port, int controllerPort) {
        List<Path> jars = brokerClasspath().orElseThrow(() -> new IllegalStateException("no broker jars: " + INSTALL));
        return new KafkaBroker(jars, dir, false, port, controllerPort);
    }

    /** The broker's jars as the build resolved them, if every one of them is there. */
    public static Optional<List<Path>> brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            List<Path> jars = Stream.of(text.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of)
                    .toList();
            boolean complete = !jars.isEmpty() && jars.stream().allMatch(Files::isRegularFile)
                    && jars.stream().anyMatch(j -> j.getFileName().toString().startsWith("kafka_2.13-"));
            return complete ? Optional.of(jars) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** host:port for {@code bootstrap.servers} ({@code kafka.bootstrap.servers} in Quarkus). */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return dir;
    }

    public Path logFile() {
        return dir.resolve("broker.log");
    }

    /** Formats the storage (once per directory) and starts the broker; returns when it answers. */
    public synchronized KafkaBroker start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(dir);
            Path properties = writeProperties();
            if (!Files.exists(dir.resolve("data").resolve("meta.properties"))) {
                format(properties);
            }
            process = new ProcessBuilder(javaCommand("kafka.Kafka", properties.toString()))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
            awaitReady();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka", e);
        }
    }

    /** Creates topics if missing: name to {partitions, and "compact" when it is a latest-state topic}. */
    public void createTopic(String name, int partitions, Map<String, String> config) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(config))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topic " + name, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not create topic " + name + " in 30 s", e);
        }
    }

    /** Sends one record (string key and value) and waits for the broker's acknowledgement. */
    public void send(String topic, String key, String value) {
        send(topic, key, value, null);
    }

    /** Sends one record with the given timestamp (epoch ms; null: now) and waits for the acknowledgement. */
    public void send(String topic, String key, String value, Long timestampMillis) {
        try {
            producer().send(new ProducerRecord<>(topic, null, timestampMillis, key, value)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One producer for every send (connected once; a test answering within a deadline does not wait for a new one). */
    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    /**
     * Reads {@code topic} from its first offset (a new consumer group) until {@code done} says so over the records
     * read so far, or {@code timeout} passed; returns what was read, in partition order.
     */
    public List<ConsumerRecord<String, String>> read(String topic, Duration timeout,
            Predicate<List<ConsumerRecord<String, String>>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (!done.test(seen) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }
        return seen;
    }

    /**
     * A reader of {@code topic} that already holds every partition at its end offset: a record published after this
     * returns is seen by {@link Reader#await} at once, with no consumer group to join in between. A test that must
     * answer a record within a deadline opens it before the record is sent, so the deadline times only the answer.
     */
    public Reader reader(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer());
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no partitions");
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // the end offsets now, not at the first poll
            return new Reader(topic, consumer);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** Records of one topic from the moment it was opened ({@link #reader}). */
    public static final class Reader implements AutoCloseable {

        private final String topic;
        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        private Reader(String topic, KafkaConsumer<String, String> consumer) {
            this.topic = topic;
            this.consumer = consumer;
        }

        /** The first record (read so far or to come within {@code timeout}) that {@code match} accepts. */
        public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
            Instant deadline = Instant.now().plus(timeout);
            while (true) {
                Optional<ConsumerRecord<String, String>> found = seen.stream().filter(match).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                if (!Instant.now().isBefore(deadline)) {
                    throw new AssertionError("no matching record on " + topic + " within " + timeout + "; read: " + seen);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** Reads {@code topic} from its first offset until {@code count} records came or {@code timeout} passed. */
    public List<ConsumerRecord<String, String>> read(String topic, int count, Duration timeout) {
        return read(topic, timeout, records -> records.size() >= count);
    }

    /** An admin client on this broker (the caller closes it). */
    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(props);
    }

    /** {@code kill -9} of the broker process (its data stays, {@link #start()} brings it back). */
    public synchronized void kill() {
        closeProducer();
        if (process != null) {
            process.destroyForcibly();
            waitFor(process);
            process = null;
        }
    }

    /** A clean stop (SIGTERM, the broker's controlled shutdown), then the temporary directory is deleted. */
    @Override
    public synchronized void close() {
        closeProducer();
        if (process != null) {
            process.destroy();
            if (!waitFor(process)) {
                process.destroyForcibly();
                waitFor(process);
            }
            process = null;
        }
        if (ownsDir) {
            deleteTree(dir);
        }
    }

    /** The last lines of the broker's log, for a failure message. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no broker log)";
        }
    }

    private Path writeProperties() throws IOException {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", dir.resolve("data").toString());
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        // a latest-state (compacted) topic is cleaned within seconds here, so tests see compaction
        p.put("log.cleaner.backoff.ms", "1000");
        Path file = dir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "one-node KRaft broker (io.signaldesk.kafka.test.KafkaBroker)");
        }
        return file;
    }

    private void format(Path properties) throws IOException, InterruptedException {
        String clusterId = uuidBase64();
        Process format = new ProcessBuilder(javaCommand("kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                properties.toString()))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IllegalStateException("kafka-storage format failed:\n" + logTail());
        }
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try (Admin admin = admin()) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + ":\n" + logTail());
                }
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("Kafka broker not serving on " + bootstrapServers() + " after "
                                + START_TIMEOUT.toSeconds() + " s:\n" + logTail());
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    private List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-Dlog4j2.level=WARN",
                "-Dkafka.logs.dir=" + dir.resolve("logs")));
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /** A cluster id as Kafka makes them (16 random bytes, base64url), never starting with '-' (read as an option). */
    static String uuidBase64() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    /**
     * A free loopback port, never one this JVM was given before: tests that run at once (and start their processes
     * a while after asking) do not get the same port.
     */
    public static int freePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                if (GIVEN_PORTS.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static boolean waitFor(Process p) {
        try {
            return p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }

    /**
     * A broker by hand (deploy/kafka-local.sh): {@code --port 9092 --controller-port 9093 --dir .kafka}; runs until
     * Ctrl-C, keeping its data in the directory.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 9092;
        int controllerPort = -1;
        Path dir = Path.of(".kafka");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--controller-port" -> controllerPort = Integer.parseInt(args[i + 1]);
                case "--dir" -> dir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--port, --controller-port, --dir)");
            }
        }
        KafkaBroker broker = at(dir.toAbsolutePath(), port, controllerPort > 0 ? controllerPort : port + 1);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        broker.start();
        System.out.println("Kafka (KRaft, one node) serving on " + broker.bootstrapServers() + "; data in "
                + broker.directory() + ", log " + broker.logFile() + "; Ctrl-C stops it");
        Thread.currentThread().join();
    }
}
