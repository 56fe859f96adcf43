package org.hcp.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hcp.events.EventJson;
import org.hcp.events.Topics;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 31 (R5.3): three Kafka brokers, each in its own process, every topic on all three and written to two
 * (acks=all), intake and reporting packaged on them. While ratings flow, one broker is killed as a machine dies
 * ({@code kill -9}): intake keeps answering 202, every accepted rating reaches the log and is counted exactly once,
 * the projections carry on; the broker comes back and catches up (every partition in sync on three again).
 */
class BrokerLossSystemTest {

    private static final String CHANNEL = DevTokens.mint("channel", null, Duration.ofHours(2));
    private static final String ADMIN = DevTokens.mint("admin", null, Duration.ofHours(2));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int RATINGS = 240;
    private static final int KILL_AFTER = 80;

    private static final List<Process> nodes = new ArrayList<>(List.of());
    private static final List<List<String>> commands = new ArrayList<>();
    private static String bootstrap;
    private static ServiceProcess intake;
    private static ServiceProcess reporting;

    @BeforeAll
    static void startThreeBrokersAndTheServices() throws Exception {
        Path dir = Path.of("target", "broker-loss-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        int[] ports = new int[3];
        int[] controllers = new int[3];
        StringBuilder voters = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            ports[i] = LocalStack.freePort();
            controllers[i] = LocalStack.freePort();
            voters.append(i == 0 ? "" : ",").append(i + 1).append("@127.0.0.1:").append(controllers[i]);
        }
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            commands.add(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                    "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    "org.hcp.localstack.KafkaNodeMain", dir.resolve("kafka-" + (i + 1)).toString(),
                    Integer.toString(ports[i]), Integer.toString(controllers[i]), Integer.toString(i + 1),
                    voters.toString(), clusterId, "3"));
            nodes.add(start(i));
            servers.add("127.0.0.1:" + ports[i]);
        }
        bootstrap = String.join(",", servers);
        await("three brokers").atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> brokersUp() == 3);

        String suffix = UUID.randomUUID().toString().substring(0, 6).replace('-', '_');
        LocalStack.shared().postgres().createDatabases("intake_bl" + suffix, "reporting_bl" + suffix);
        intake = onTheCluster(new ServiceProcess("intake-service", "intake_bl" + suffix, LocalStack.shared()));
        reporting = onTheCluster(new ServiceProcess("reporting-service", "reporting_bl" + suffix,
                LocalStack.shared()));
        intake.start();
        reporting.start();
    }

    private static ServiceProcess onTheCluster(ServiceProcess service) {
        return service.with("KAFKA_BOOTSTRAP_SERVERS", bootstrap)
                .with("HCP_KAFKA_TOPICS_REPLICATION_FACTOR", "3")
                .with("HCP_KAFKA_TOPICS_MIN_INSYNC_REPLICAS", "2")
                .with("HCP_BULLETIN_AWAIT_WATERMARKS", "false");
    }

    private static Process start(int node) throws IOException {
        Path log = Path.of("target", "system-tests", "kafka-node-" + (node + 1) + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(commands.get(node)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        for (ServiceProcess service : new ServiceProcess[] {reporting, intake}) {
            if (service != null) {
                service.stop();
            }
        }
        for (Process node : nodes) {
            node.destroy();
        }
        for (Process node : nodes) {
            if (!node.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
    }

    private static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(props);
    }

    private static int brokersUp() throws Exception {
        try (Admin admin = admin()) {
            return admin.describeCluster().nodes().get().size();
        }
    }

    private static HttpResponse<String> post(String url, String token, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long counted(String institution) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(reporting.url(
                "/api/v1/stats/satisfaction?institution=" + institution))).header("Authorization", "Bearer " + ADMIN)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() != 200 ? -1 : EventJson.mapper().readTree(response.body()).get("total").asLong();
    }

    /** The rating ids on hcp.ratings, each as often as it is there. */
    private static Map<String, Integer> ratingsOnTheLog() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Integer> seen = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RATINGS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.merge(r.key(), 1, Integer::sum);
                }
            }
        }
        return seen;
    }

    @Test
    void r5_3_aBrokerKilledWhileRatingsFlowLosesNothingAndCountsNothingTwice() throws Exception {
        String institution = "BL-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> registered = post(intake.url("/api/v1/directory/import"), ADMIN, """
                [{"kind":"REGION","code":"220000","name":"吉林省"},{"kind":"REGION","code":"220200","name":"吉林市"},
                 {"kind":"REGION","code":"220202","name":"昌邑区"},
                 {"kind":"ITEM","code":"ITEM-001","name":"测试事项"},
                 {"kind":"INSTITUTION","code":"%s","name":"断节点测试中心","regionCode":"220202"}]"""
                .formatted(institution));
        assertEquals(200, registered.statusCode(), registered.body());

        // While ratings flow, the broker leading the most partitions of hcp.ratings is killed.
        Set<String> accepted = new HashSet<>();
        int killed = -1;
        long started = System.nanoTime();
        for (int i = 0; i < RATINGS; i++) {
            if (i == KILL_AFTER) {
                killed = leaderOfMostRatingPartitions();
                nodes.get(killed).destroyForcibly().waitFor();
            }
            String caseNumber = "BL-" + UUID.randomUUID().toString().substring(0, 12);
            HttpResponse<String> reported = post(intake.url("/api/v1/cases"), CHANNEL, """
                    {"caseNumber":"%s","caseKind":"INSTANT","itemCode":"ITEM-001","institutionCode":"%s",
                     "completedAt":"%s"}""".formatted(caseNumber, institution, Instant.now().minusSeconds(60)));
            assertEquals(202, reported.statusCode(), "case " + i + ": " + reported.body());
            HttpResponse<String> rated = post(intake.url("/api/v1/ratings"), CHANNEL, """
                    {"caseNumber":"%s","channel":"QR_CODE","level":%d,"tags":%s}"""
                    .formatted(caseNumber, 1 + i % 5, i % 5 < 2 ? "[\"SLOW\"]" : "[]"));
            assertEquals(202, rated.statusCode(), "rating " + i + " with a broker down: " + rated.body());
            JsonNode body = EventJson.mapper().readTree(rated.body());
            accepted.add(body.get("ratingId").asText());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(RATINGS, accepted.size());

        // Then every accepted rating is counted, once, by the projection reading the two brokers left.
        await("every rating counted").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> counted(institution) >= RATINGS);
        Thread.sleep(3000);   // a rating counted twice would show after the last one arrived
        assertEquals(RATINGS, counted(institution), "counted exactly once each");
        Map<String, Integer> onTheLog = ratingsOnTheLog();
        assertTrue(onTheLog.keySet().containsAll(accepted), "every accepted rating is on the log: "
                + accepted.stream().filter(id -> !onTheLog.containsKey(id)).toList());

        // And the killed broker comes back and catches up: every partition in sync on three brokers again.
        nodes.set(killed, start(killed));
        await("the broker caught up").atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> {
            try (Admin admin = admin()) {
                Map<String, TopicDescription> topics = admin.describeTopics(List.of(Topics.RATINGS, Topics.CASES))
                        .allTopicNames().get();
                return topics.values().stream().flatMap(t -> t.partitions().stream())
                        .allMatch(p -> p.isr().size() == 3);
            }
        });
        System.out.printf("broker loss: %d ratings in %.1f s, broker %d killed after %d, all counted once%n",
                RATINGS, seconds, killed + 1, KILL_AFTER);
    }

    /** The node (0-based) that leads the most partitions of hcp.ratings: killing it moves the most leaders. */
    private static int leaderOfMostRatingPartitions() throws Exception {
        try (Admin admin = admin()) {
            TopicDescription ratings = admin.describeTopics(List.of(Topics.RATINGS)).allTopicNames().get()
                    .get(Topics.RATINGS);
            Map<Integer, Integer> led = new HashMap<>();
            ratings.partitions().forEach(p -> led.merge(p.leader().id(), 1, Integer::sum));
            assertTrue(ratings.partitions().stream().allMatch(p -> p.replicas().size() == 3),
                    "hcp.ratings is on all three brokers");
            return led.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey() - 1;
        }
    }
}
