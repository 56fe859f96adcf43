package org.hcp.rectification.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hcp.events.Channel;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingScope;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.events.rectification.Classification;
import org.hcp.kit.db.Transactions;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.rectification.domain.RectificationDecider;
import org.hcp.rectification.service.OverdueScheduler;
import org.hcp.rectification.service.RebuildService;
import org.hcp.rectification.service.RectificationService;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test: the ledger's queries over 100,000 rectifications, as supervisors and units ask them over
 * HTTP, one at a time (p50/p95/max of 200 calls each after 20 to warm up). The ledger is filled the way production
 * fills it: 100,000 bad reviews on hcp.ratings opened by the projection (its rate is measured too), 2,000 of them
 * worked to classified and 500 to resolved through the service, and every missed deadline flagged by the scheduler
 * on a clock a month ahead. The rebuild of the whole ledger is timed last.
 *
 * <p>Run: {@code mvn -q install -DskipTests && mvn -pl rectification-service verify -Dtest=LedgerBenchmark
 * -Dhcp.bench=true} (about 10 minutes on the 2-core build machine); the table is printed and written to
 * {@code rectification-service/target/ledger-bench.md}. {@code -Dhcp.bench.rectifications=N} for another size.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "rectification"))
class LedgerBenchmark {

    private static final int N = Integer.getInteger("hcp.bench.rectifications", 100_000);
    private static final String[] REGIONS = {"220202", "220204", "220271", "370902"};
    private static final String[] TAGS = {"ATTITUDE", "SLOW", "WAITING", "REPEAT_VISITS", "MATERIALS", "GUIDANCE"};
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Inject
    RectificationService service;

    @Inject
    OverdueScheduler scheduler;

    @Inject
    RebuildService rebuild;

    @Test
    void ledgerQueriesOver100000Rectifications() throws Exception {
        assumeTrue(System.getProperty("hcp.bench") != null, "a benchmark: run with -Dhcp.bench=true");
        StringBuilder report = new StringBuilder();
        long before = count();

        long started = System.nanoTime();
        publishBadReviews();
        while (count() < before + N) {
            Thread.sleep(500);
        }
        double openSeconds = (System.nanoTime() - started) / 1e9;
        report.append(String.format("%,d bad reviews published and opened as rectifications in %.1f s: %,.0f/s%n",
                N, openSeconds, N / openSeconds));

        started = System.nanoTime();
        List<String> ids = Transactions.query(pool, "SELECT rectification_id FROM rectification "
                + "WHERE status = 'OPEN' ORDER BY rectification_id LIMIT 2000", Tuple.tuple()).stream()
                .map(r -> r.getString("rectification_id")).toList();
        int worked = 0;
        for (String id : ids) {
            service.act(id, RectificationService.Scope.ANY,
                    (s, now, rules) -> RectificationDecider.assign(s, "责任人", "bench", now));
            service.act(id, RectificationService.Scope.ANY, (s, now, rules) ->
                    RectificationDecider.classify(s, Classification.CLEAR, null, null, "bench", now, rules));
            if (worked++ < 500) {
                service.act(id, RectificationService.Scope.ANY, (s, now, rules) -> RectificationDecider.resolve(s,
                        org.hcp.events.rectification.Resolution.RECTIFIED, "整改措施", "bench", now, rules));
            }
        }
        double stepSeconds = (System.nanoTime() - started) / 1e9;
        report.append(String.format("4,500 steps taken through the service in %.1f s: %,.0f/s%n", stepSeconds,
                4500 / stepSeconds));

        started = System.nanoTime();
        Instant monthAhead = Instant.now().plus(Duration.ofDays(30));
        int flagged = 0;
        RectificationService.OverdueRound round;
        do {
            round = scheduler.runOnce(monthAhead);
            flagged += round.steps();
        } while (round.rectifications() > 0);
        double flagSeconds = (System.nanoTime() - started) / 1e9;
        report.append(String.format("%,d missed steps flagged overdue in %.1f s: %,.0f/s%n%n", flagged, flagSeconds,
                flagged / flagSeconds));

        String bureau = DevTokens.mint("bureau", "2202", Duration.ofHours(2));
        String unit = DevTokens.mint("handler", "BENCH-220202-03", Duration.ofHours(2));
        Map<String, String[]> queries = new LinkedHashMap<>();
        queries.put("unit: its open ones, first page of 50", new String[] {unit, "?status=OPEN"});
        queries.put("unit: all of its own, page 20", new String[] {unit, "?page=20"});
        queries.put("bureau: its region, first page", new String[] {bureau, ""});
        queries.put("bureau: overdue", new String[] {bureau, "?overdue=true"});
        queries.put("bureau: due within 3 working days", new String[] {bureau, "?dueWithin=3"});
        queries.put("bureau: by tag", new String[] {bureau, "?tag=MATERIALS"});
        queries.put("bureau: one unit, by state", new String[] {bureau, "?institution=BENCH-220204-05&status=CLASSIFIED"});
        queries.put("bureau: page 200 of its region", new String[] {bureau, "?page=200"});
        queries.put("bureau: per-unit summary", new String[] {bureau, "/summary"});
        queries.put("bureau: CSV export, 10,000 rows", new String[] {bureau, "/export?size=10000"});
        report.append("| query (HTTP, one at a time) | p50 ms | p95 ms | max ms |\n|---|---|---|---|\n");
        for (Map.Entry<String, String[]> q : queries.entrySet()) {
            String path = q.getValue()[1];
            String url = base.toString().replaceAll("/$", "") + "/api/v1/rectifications"
                    + (path.startsWith("/") ? path : path);
            int calls = path.contains("export") ? 40 : 200;
            double[] ms = time(url, q.getValue()[0], calls);
            report.append(String.format("| %s | %.1f | %.1f | %.1f |%n", q.getKey(), ms[0], ms[1], ms[2]));
        }

        started = System.nanoTime();
        var rebuilt = rebuild.rebuild();
        report.append(String.format("%nrebuild of the whole ledger: %s in %.1f s%n", rebuilt,
                (System.nanoTime() - started) / 1e9));
        System.out.println(report);
        Files.writeString(Path.of("target/ledger-bench.md"), report.toString());
    }

    private long count() {
        return Transactions.query(pool, "SELECT count(*) AS n FROM rectification", Tuple.tuple()).get(0).getLong("n");
    }

    /** p50, p95, max in ms of {@code calls} GETs after 20 to warm up; every answer must be 200. */
    private static double[] time(String url, String token, int calls) throws Exception {
        double[] ms = new double[calls];
        for (int i = -20; i < calls; i++) {
            long t = System.nanoTime();
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + answer.statusCode() + " " + answer.body());
            }
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        Arrays.sort(ms);
        return new double[] {ms[calls / 2], ms[(int) Math.ceil(calls * 0.95) - 1], ms[calls - 1]};
    }

    /** N bad reviews across four regions, ten units each, a fifth of them real-name, as intake publishes them. */
    private static void publishBadReviews() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafka().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        Random random = new Random(42);
        Instant now = Instant.now();
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < N; i++) {
                String region = REGIONS[random.nextInt(REGIONS.length)];
                String unit = "BENCH-" + region + "-" + String.format("%02d", random.nextInt(10));
                String id = "bench-" + i + "-" + Long.toHexString(random.nextLong());
                RatingSubmitted rating = new RatingSubmitted(id, "BC-" + id, null, "ITEM-" + random.nextInt(30), unit,
                        unit + "-W1", null, null, region, Channel.WINDOW_DEVICE, Channel.WINDOW_DEVICE.nationalPf(),
                        1 + random.nextInt(2), List.of(TAGS[random.nextInt(TAGS.length)]), null, List.of(), null,
                        random.nextInt(5) == 0 ? "ev1_" + id : null, RatingOrigin.EVALUATOR, 1, now, now,
                        RatingScope.CASE, null, null, null, null);
                sent.add(producer.send(new ProducerRecord<>(Topics.RATINGS, id,
                        EventJson.write(EventEnvelope.of(rating, id, region, now, now, null, null, "bench")))));
            }
            for (var f : sent) {
                f.get();
            }
        }
    }
}
