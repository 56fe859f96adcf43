package org.hcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.hcp.events.ChinaTime;
import org.hcp.events.EventJson;
import org.hcp.localstack.DevTokens;

/**
 * {@code ./hcp bench}: the platform's figures next to the limits of its own PostgreSQL and Kafka, measured in one run
 * on one machine, so that every figure is read as a ratio (docs/performance.md). Traffic goes to 127.0.0.1 only.
 *
 * <p>Usage: {@code Bench OUT_DIR PIDS_DIR PG_PORT KAFKA_PORT INTAKE_PORT REPORTING_PORT [--quick]}
 */
public final class Bench {

    private static final int CLIENTS = 64;
    private static final String INSTITUTION = "JL-CY-CENTRE";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Path out;
    private final Path pids;
    private final int pgPort;
    private final String kafka;
    private final String intake;
    private final String reporting;
    private final boolean quick;
    private final String run = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .format(Instant.now().atZone(ChinaTime.ZONE));
    private final String channelToken = "Bearer " + DevTokens.mint("channel");
    private final String adminToken = "Bearer " + DevTokens.mint("admin");
    private final AtomicLong sequence = new AtomicLong();
    /** Reported cases that no rating has used yet. */
    private final ConcurrentLinkedQueue<String> unrated = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> peakRss = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final CpuUse cpu;
    /** Where each measured phase spent the machine's CPU, and what it did: phase → (shares, items, unit). */
    private final List<CpuRow> cpuRows = new ArrayList<>();
    /** The load generator: one event loop, up to 64 connections per service. */
    private final io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx(new io.vertx.core.VertxOptions()
            .setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final io.vertx.core.http.HttpClient client = vertx.createHttpClient(
            new io.vertx.core.http.HttpClientOptions().setKeepAlive(true),
            new io.vertx.core.http.PoolOptions().setHttp1MaxSize(CLIENTS).setMaxWaitQueueSize(-1));

    /** One line of the table: a figure, the limit it is read against and the target. */
    record Row(String figure, String measured, String limit, String ratio, String target, String met) {
    }

    /** A phase's CPU: the shares of the machine and how many items (requests, ratings, events) it handled. */
    record CpuRow(String phase, CpuUse.Shares shares, long items, String unit) {
    }

    /** What a load phase saw. */
    record Load(long ok, long errors, double seconds, double p50Ms, double p99Ms, String firstError) {
        double perSecond() {
            return ok / seconds;
        }
    }

    private Bench(String[] args) {
        out = Path.of(args[0]);
        pids = Path.of(args[1]);
        pgPort = Integer.parseInt(args[2]);
        kafka = "127.0.0.1:" + Integer.parseInt(args[3]);
        intake = "http://127.0.0.1:" + Integer.parseInt(args[4]);
        reporting = "http://127.0.0.1:" + Integer.parseInt(args[5]);
        quick = Arrays.asList(args).contains("--quick");
        cpu = new CpuUse(pids);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: Bench OUT_DIR PIDS_DIR PG_PORT KAFKA_PORT INTAKE_PORT REPORTING_PORT [--quick]");
            System.exit(2);
        }
        new Bench(args).run();
        System.exit(0);
    }

    private int seconds(int full, int quickly) {
        return quick ? quickly : full;
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(this::sampleRss, 0, 1, TimeUnit.SECONDS);

        say("PostgreSQL limit: one transaction of two ~450-byte INSERTs, " + CLIENTS + " clients");
        double pg = postgresLimit(seconds(15, 5));
        rows.add(new Row("PostgreSQL: tx of two INSERTs, 64 clients", perSecond(pg, "tx"), "", "", "", ""));

        say("Kafka limits: kafka-producer-perf-test / kafka-consumer-perf-test, 400-byte records");
        double[] k = kafkaLimits(quick ? 200_000 : 1_000_000);
        rows.add(new Row("Kafka producer (acks=all, idempotent, 400 B)", perSecond(k[0], "records"), "", "", "", ""));
        rows.add(new Row("Kafka consumer", perSecond(k[1], "records"), "", "", "", ""));

        // A service's first minutes run interpreted and half-compiled code, and compiling it takes the same two cores:
        // on freshly started services intake spent 2.4 ms of CPU per case report, warm 0.7 ms (docs/performance.md).
        // Warm up, then measure.
        say("warm-up (not measured): case reports, then ratings, " + seconds(30, 5) + " s each");
        closedLoop(CLIENTS, Duration.ofSeconds(seconds(30, 5)), this::reportCase);
        closedLoop(CLIENTS, Duration.ofSeconds(seconds(30, 5)), this::rateOne);

        say("case reports: " + CLIENTS + " connections, a new case per request");
        CpuUse.Reading before = cpu.read();
        Load cases = closedLoop(CLIENTS, Duration.ofSeconds(seconds(20, 8)), this::reportCase);
        cpuRows.add(new CpuRow("case reports", CpuUse.between(before, cpu.read()), cases.ok(), "request"));
        rows.add(httpRow("case reports", cases, pg));

        int batchSize = 500;
        int batches = quick ? 8 : 40;
        int singles = seconds(20, 8);
        topUp(batches * batchSize + 3_000 * singles);

        say("single ratings: " + CLIENTS + " connections, each rates a case of its own");
        before = cpu.read();
        Load ratings = closedLoop(CLIENTS, Duration.ofSeconds(singles), this::rateOne);
        cpuRows.add(new CpuRow("single ratings", CpuUse.between(before, cpu.read()), ratings.ok(), "rating"));
        rows.add(httpRow("single ratings", ratings, pg));

        say("batches: " + batches + " requests of " + batchSize + " ratings, 2 at a time");
        before = cpu.read();
        Load batch = batchLoad(batches, batchSize);
        cpuRows.add(new CpuRow("batches", CpuUse.between(before, cpu.read()), batch.ok() * batchSize, "rating"));
        double batchRate = batch.ok() * batchSize / batch.seconds();
        rows.add(new Row("batch of 500 (ratings/s; p50/p99 per request)", perSecond(batchRate, "ratings")
                + latency(batch), "PostgreSQL " + round(pg), pct(batchRate / pg), "≥ 10,000/s",
                yes(batchRate >= 10_000 && batch.errors() == 0)));

        int freshSeconds = seconds(300, 30);
        say("freshness: 1,000 ratings/s (each after its own case report) for " + freshSeconds + " s");
        freshness(freshSeconds);

        say("rebuild of the statistics from the log");
        before = cpu.read();
        long events = rebuild(k[1]);
        cpuRows.add(new CpuRow("rebuild", CpuUse.between(before, cpu.read()), events, "event"));

        say("query latency: satisfaction statistics, 16 connections");
        before = cpu.read();
        Load queries = closedLoop(16, Duration.ofSeconds(seconds(10, 5)), () -> new Call(reporting
                + "/api/v1/stats/satisfaction?region=2202", adminToken, null, null));
        cpuRows.add(new CpuRow("query", CpuUse.between(before, cpu.read()), queries.ok(), "request"));
        rows.add(new Row("query: satisfaction by region, 16 connections", perSecond(queries.perSecond(), "req")
                + latency(queries), "", "", "p99 ≤ 100 ms", yes(queries.p99Ms() <= 100 && queries.errors() == 0)));

        sampler.shutdownNow();
        sampleRss();
        peakRss.forEach((name, kb) -> rows.add(new Row("RSS peak: " + name, (kb / 1024) + " MB", "", "",
                name.equals("stack") ? "" : "≤ 300 MB", name.equals("stack") ? "" : yes(kb / 1024 <= 300))));
        report(Duration.ofNanos(System.nanoTime() - started));
    }

    // ----- the limits -----

    private double postgresLimit(int seconds) throws Exception {
        String admin = "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", "postgres");
                ResultSet r = c.createStatement().executeQuery("SELECT 1 FROM pg_database WHERE datname = 'bench'")) {
            if (!r.next()) {
                c.createStatement().execute("CREATE DATABASE bench");
            }
        }
        String url = "jdbc:postgresql://127.0.0.1:" + pgPort + "/bench";
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            c.createStatement().execute("DROP TABLE IF EXISTS bench_rating, bench_outbox");
            c.createStatement().execute("CREATE TABLE bench_rating (id bigserial PRIMARY KEY, rating_id text UNIQUE, "
                    + "body text)");
            c.createStatement().execute("CREATE TABLE bench_outbox (id bigserial PRIMARY KEY, event_id text UNIQUE, "
                    + "body text)");
        }
        String body = "x".repeat(400);
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Thread t = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                        PreparedStatement rating = c.prepareStatement(
                                "INSERT INTO bench_rating (rating_id, body) VALUES (?, ?)");
                        PreparedStatement outbox = c.prepareStatement(
                                "INSERT INTO bench_outbox (event_id, body) VALUES (?, ?)")) {
                    c.setAutoCommit(false);
                    while (!stop.get()) {
                        String id = java.util.UUID.randomUUID().toString();
                        rating.setString(1, id);
                        rating.setString(2, body);
                        rating.executeUpdate();
                        outbox.setString(1, id);
                        outbox.setString(2, body);
                        outbox.executeUpdate();
                        c.commit();
                        done.increment();
                    }
                } catch (Exception e) {
                    System.err.println("PostgreSQL client failed: " + e);
                }
            });
            clients.add(t);
            t.start();
        }
        Thread.sleep(1_000); // connections open and warm up; then count
        long from = done.sum();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1_000L);
        double rate = (done.sum() - from) / ((System.nanoTime() - t0) / 1e9);
        stop.set(true);
        for (Thread t : clients) {
            t.join();
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            c.createStatement().execute("DROP TABLE IF EXISTS bench_rating, bench_outbox");
        }
        return rate;
    }

    /** Producer and consumer records/s on a scratch topic, by Kafka's own tools in their own JVMs. */
    private double[] kafkaLimits(int records) throws Exception {
        String topic = "hcp-bench-" + run;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                String produced = tool("org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
                        "--num-records", String.valueOf(records), "--record-size", "400", "--throughput", "-1",
                        "--producer-props", "bootstrap.servers=" + kafka, "acks=all", "enable.idempotence=true");
                // "1000000 records sent, 118203.3 records/sec (45.09 MB/sec), ..."
                String last = produced.lines().filter(l -> l.contains("records sent")).reduce((a, b) -> b)
                        .orElseThrow(() -> new IllegalStateException("no producer summary in: " + produced));
                double producer = Double.parseDouble(last.replaceAll(".*sent, ([0-9.]+) records/sec.*", "$1"));
                String consumed = tool("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", kafka,
                        "--topic", topic, "--messages", String.valueOf(records), "--hide-header",
                        "--timeout", "60000");
                // start, end, MB, MB/s, records, records/s, rebalance ms, fetch ms, fetch MB/s, fetch records/s
                String[] f = consumed.lines().filter(l -> l.split(",").length >= 10).reduce((a, b) -> b)
                        .orElseThrow(() -> new IllegalStateException("no consumer summary in: " + consumed))
                        .split(",");
                double consumer = Double.parseDouble(f[9].trim());
                return new double[] {producer, consumer};
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String tool(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(mainClass + " failed: " + output);
        }
        return output;
    }

    // ----- the platform -----

    /** One request of a load phase: a GET when {@code body} is null. */
    record Call(String url, String token, String body, String caseNumber) {
    }

    private Call reportCase() {
        String caseNumber = "BENCH-" + run + "-" + sequence.incrementAndGet();
        String body = """
                {"caseNumber":"%s","caseKind":"INSTANT","itemCode":"ITEM-BIZ-LICENSE","institutionCode":"%s",
                 "windowCode":"JL-CY-W01","staffId":"JL-CY-S001","completedAt":"%s",
                 "evaluator":{"type":"NATURAL_PERSON","id":"BENCH-ID-%s","name":"测试用户","mobile":"13900000000"}}"""
                .formatted(caseNumber, INSTITUTION, Instant.now().minusSeconds(60), caseNumber);
        return post("/api/v1/cases", body, caseNumber);
    }

    private Call rateOne() {
        String caseNumber = unrated.poll();
        return caseNumber == null ? null : post("/api/v1/ratings", rating(caseNumber), null);
    }

    private static String rating(String caseNumber) {
        // One in ten is a bad review, which the rectification service picks up.
        boolean bad = Math.floorMod(caseNumber.hashCode(), 10) == 0;
        return """
                {"ratingId":"%s-R","caseNumber":"%s","channel":"WINDOW_DEVICE","level":%d,"tags":%s}"""
                .formatted(caseNumber, caseNumber, bad ? 2 : 5, bad ? "[\"WAITING\"]" : "[]");
    }

    private Call post(String path, String json, String caseNumber) {
        return new Call(intake + path, channelToken, json, caseNumber);
    }

    /** Reports cases, untimed, until {@code count} wait for a rating. */
    private void topUp(int count) throws Exception {
        int missing = count - unrated.size();
        if (missing > 0) {
            say("  reporting " + missing + " more cases for the rating phases (not timed)");
            AtomicLong left = new AtomicLong(missing);
            closedLoop(CLIENTS, Duration.ofMinutes(10), () -> left.decrementAndGet() < 0 ? null : reportCase());
        }
    }

    /**
     * {@code clients} requests in flight for {@code duration} or until {@code next} has none; a reported case joins
     * the cases waiting for a rating.
     */
    private Load closedLoop(int clients, Duration duration, Supplier<Call> next) throws InterruptedException {
        LongAdder ok = new LongAdder();
        LongAdder errors = new LongAdder();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> firstError = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        long end = t0 + duration.toNanos();
        AtomicLong lastDone = new AtomicLong(t0);
        CountDownLatch finished = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            new Object() {
                void step() {
                    Call call = System.nanoTime() < end ? next.get() : null;
                    if (call == null) {
                        finished.countDown();
                        return;
                    }
                    long sent = System.nanoTime();
                    send(call).onComplete(answer -> {
                        long now = System.nanoTime();
                        lastDone.accumulateAndGet(now, Math::max);
                        latencies.add(now - sent);
                        if (answer.succeeded() && answer.result().status() < 300) {
                            ok.increment();
                            if (call.caseNumber() != null) {
                                unrated.add(call.caseNumber());
                            }
                        } else {
                            errors.increment();
                            if (firstError.isEmpty()) {
                                firstError.add(answer.failed() ? answer.cause().toString()
                                        : answer.result().status() + " " + abbreviate(answer.result().body()));
                            }
                        }
                        step();
                    });
                }
            }.step();
        }
        finished.await();
        return load(ok.sum(), errors.sum(), (lastDone.get() - t0) / 1e9, latencies, firstError.peek());
    }

    /** A status and a body. */
    record Answer(int status, String body) {
    }

    private io.vertx.core.Future<Answer> send(Call call) {
        io.vertx.core.http.RequestOptions options = new io.vertx.core.http.RequestOptions()
                .setAbsoluteURI(call.url()).setTimeout(30_000)
                .setMethod(call.body() == null ? io.vertx.core.http.HttpMethod.GET : io.vertx.core.http.HttpMethod.POST)
                .putHeader("Authorization", call.token());
        if (call.body() != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return client.request(options)
                .compose(request -> call.body() == null ? request.send() : request.send(call.body()))
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body.toString())));
    }

    private Load batchLoad(int batches, int size) throws InterruptedException {
        AtomicLong left = new AtomicLong(batches);
        return closedLoop(2, Duration.ofMinutes(5), () -> {
            if (left.decrementAndGet() < 0) {
                return null;
            }
            StringBuilder body = new StringBuilder("{\"ratings\":[");
            for (int i = 0; i < size; i++) {
                String caseNumber = unrated.poll();
                if (caseNumber == null) {
                    return null;
                }
                body.append(i == 0 ? "" : ",").append(rating(caseNumber));
            }
            return post("/api/v1/ratings/batch", body.append("]}").toString(), null);
        });
    }

    /**
     * Open loop at 1,000 ratings/s, each after its own case report; meanwhile the reporting service's count of the
     * bench institution is read every 100 ms. The k-th accepted rating counts as counted at the first reading that
     * shows k more than before the phase.
     */
    private void freshness(int seconds) throws Exception {
        awaitQuietCount();
        long baseline = counted();
        CpuUse.Reading before = cpu.read();
        int perTick = 10; // every 10 ms
        Semaphore inFlight = new Semaphore(2_000);
        ConcurrentLinkedQueue<Long> accepted = new ConcurrentLinkedQueue<>();
        LongAdder errors = new LongAdder();
        LongAdder dropped = new LongAdder();
        List<long[]> readings = new ArrayList<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                try {
                    long total = counted();
                    synchronized (readings) {
                        readings.add(new long[] {System.nanoTime(), total - baseline});
                    }
                    Thread.sleep(100);
                } catch (Exception e) {
                    errors.increment();
                }
            }
        });
        reader.start();
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        long t0 = System.nanoTime();
        ticks.scheduleAtFixedRate(() -> {
            for (int i = 0; i < perTick; i++) {
                if (!inFlight.tryAcquire()) {
                    dropped.increment();
                    continue;
                }
                Call report = reportCase();
                send(report)
                        .compose(r -> r.status() == 202 ? send(post("/api/v1/ratings", rating(report.caseNumber()),
                                null)) : io.vertx.core.Future.succeededFuture(r))
                        .onComplete(answer -> {
                            inFlight.release();
                            if (answer.succeeded() && answer.result().status() == 202) {
                                accepted.add(System.nanoTime());
                            } else {
                                errors.increment();
                            }
                        });
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
        Thread.sleep(seconds * 1_000L);
        ticks.shutdown();
        inFlight.acquire(2_000);
        double sendSeconds = (System.nanoTime() - t0) / 1e9;
        cpuRows.add(new CpuRow("freshness (a case report and a rating each)", CpuUse.between(before, cpu.read()),
                accepted.size(), "rating"));
        long[] acceptedAt = accepted.stream().mapToLong(Long::longValue).sorted().toArray();
        long waitUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < waitUntil && lastReading(readings) < acceptedAt.length) {
            Thread.sleep(100);
        }
        reading.set(false);
        reader.join();
        long[] lag = new long[acceptedAt.length];
        int r = 0;
        int notCounted = 0;
        for (int k = 0; k < acceptedAt.length; k++) {
            while (r < readings.size() && readings.get(r)[1] < k + 1) {
                r++;
            }
            if (r == readings.size()) {
                notCounted = acceptedAt.length - k;
                lag = Arrays.copyOf(lag, k);
                break;
            }
            lag[k] = Math.max(0, readings.get(r)[0] - acceptedAt[k]);
        }
        Arrays.sort(lag);
        double rate = acceptedAt.length / sendSeconds;
        double p99 = percentile(lag, 0.99) / 1e6;
        rows.add(new Row("freshness: accepted → counted at " + round(rate) + " ratings/s for " + seconds + " s",
                "p50 " + round(percentile(lag, 0.5) / 1e6) + " ms, p99 " + round(p99) + " ms"
                        + (notCounted > 0 ? ", " + notCounted + " not counted in 30 s" : "")
                        + (errors.sum() + dropped.sum() > 0 ? ", " + errors.sum() + " errors, " + dropped.sum()
                        + " not sent (2,000 in flight)" : ""),
                "", "", "p99 ≤ 1 s at 1,000/s", yes(p99 <= 1_000 && notCounted == 0 && rate >= 990
                && errors.sum() == 0)));
    }

    private static long lastReading(List<long[]> readings) {
        synchronized (readings) {
            return readings.isEmpty() ? -1 : readings.get(readings.size() - 1)[1];
        }
    }

    /** Waits until the count stops moving, so that earlier phases' ratings do not count as this phase's. */
    private void awaitQuietCount() throws Exception {
        long previous = -1;
        for (int i = 0; i < 120; i++) {
            long now = counted();
            if (now == previous) {
                return;
            }
            previous = now;
            Thread.sleep(1_000);
        }
    }

    private long counted() throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(reporting
                        + "/api/v1/stats/satisfaction?institution=" + INSTITUTION))
                .header("Authorization", adminToken).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("statistics answered " + r.statusCode() + " " + r.body());
        }
        return EventJson.mapper().readTree(r.body()).get("total").asLong();
    }

    /** Returns how many events the rebuild replayed, 0 when it failed. */
    private long rebuild(double consumerLimit) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(reporting + "/api/v1/admin/rebuild"))
                .header("Authorization", adminToken).timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            rows.add(new Row("rebuild of the statistics", "failed: " + r.statusCode() + " " + abbreviate(r.body()),
                    "", "", "", "no"));
            return 0;
        }
        JsonNode answer = EventJson.mapper().readTree(r.body());
        long events = answer.get("eventsReplayed").asLong();
        double rate = events / Math.max(0.001, answer.get("durationMs").asLong() / 1e3);
        rows.add(new Row("rebuild of the statistics (" + events + " events)", perSecond(rate, "events"),
                "consumer " + round(consumerLimit), pct(rate / consumerLimit), "≥ 100,000/s", yes(rate >= 100_000)));
        return events;
    }

    // ----- memory -----

    private void sampleRss() {
        try (var files = Files.list(pids)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".pid", "");
                Path status = Path.of("/proc", Files.readString(file).trim(), "status");
                if (!Files.exists(status)) {
                    continue;
                }
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        long kb = Long.parseLong(line.replaceAll("\\D", ""));
                        peakRss.merge(name, kb, Math::max);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a process ended between listing and reading: its last sample stands
        }
    }

    // ----- the table -----

    private Row httpRow(String name, Load load, double pg) {
        double rate = load.perSecond();
        boolean met = rate >= 0.25 * pg && load.p99Ms() <= 100 && load.errors() == 0;
        return new Row(name + " (64 connections)", perSecond(rate, "req") + latency(load)
                + (load.errors() > 0 ? ", " + load.errors() + " errors (" + load.firstError() + ")" : ""),
                "PostgreSQL " + round(pg), pct(rate / pg), "≥ 25 %, p99 ≤ 100 ms", yes(met));
    }

    private void report(Duration took) throws IOException {
        StringBuilder table = new StringBuilder();
        table.append("| figure | measured | limit (same run) | ratio | target | met |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            table.append("| ").append(String.join(" | ", r.figure(), r.measured(), r.limit(), r.ratio(), r.target(),
                    r.met())).append(" |\n");
        }
        String machine = Runtime.getRuntime().availableProcessors() + " cores, "
                + (Runtime.getRuntime().maxMemory() / (1 << 20)) + " MB bench heap, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch");
        String text = "# ./hcp bench" + (quick ? " --quick" : "") + ", " + run + " (Asia/Shanghai)\n\n"
                + "Machine: " + machine + ". Took " + took.toSeconds() + " s.\n\n" + table + "\n" + cpuTable();
        Files.createDirectories(out);
        Path file = out.resolve("bench-" + run + ".md");
        Files.writeString(file, text);
        System.out.println();
        System.out.println(text);
        System.out.println("written to " + file);
    }

    /**
     * Each phase's share of the machine (all cores = 100 %) by process, and the CPU the whole machine spent per item:
     * a busy share near 100 % means the phase was limited by the cores, and the columns say who used them.
     */
    private String cpuTable() {
        if (cpuRows.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>(cpuRows.get(0).shares().byProcess().keySet());
        StringBuilder table = new StringBuilder("CPU by phase (share of all " + Runtime.getRuntime()
                .availableProcessors() + " cores; the stack is Kafka and the launcher):\n\n| phase | machine busy | ")
                .append(String.join(" | ", names)).append(" | CPU per item |\n|---|---|")
                .append("---|".repeat(names.size())).append("---|\n");
        for (CpuRow r : cpuRows) {
            table.append("| ").append(r.phase()).append(" | ").append(pct(r.shares().machineBusy())).append(" | ");
            for (String name : names) {
                table.append(pct(r.shares().byProcess().getOrDefault(name, 0.0))).append(" | ");
            }
            table.append(r.items() == 0 ? "" : String.format("%.2f ms per %s", r.shares().cpuSeconds() * 1_000
                    / r.items(), r.unit())).append(" |\n");
        }
        return table.append(postgresTable()).toString();
    }

    /** PostgreSQL's part of each phase, by the database its connections serve and by its background work. */
    private String postgresTable() {
        java.util.Set<String> parts = new java.util.TreeSet<>();
        cpuRows.forEach(r -> r.shares().postgres().forEach((part, share) -> {
            if (share >= 0.005) {
                parts.add(part);
            }
        }));
        if (parts.isEmpty()) {
            return "";
        }
        StringBuilder table = new StringBuilder("\nPostgreSQL's share by database and background work (of all cores):"
                + "\n\n| phase | ").append(String.join(" | ", parts)).append(" |\n|---|")
                .append("---|".repeat(parts.size())).append("\n");
        for (CpuRow r : cpuRows) {
            table.append("| ").append(r.phase()).append(" | ");
            for (String part : parts) {
                table.append(pct(r.shares().postgres().getOrDefault(part, 0.0))).append(" | ");
            }
            table.append("\n");
        }
        return table.toString();
    }

    private static Load load(long ok, long errors, double seconds, ConcurrentLinkedQueue<Long> latencies,
            String firstError) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Load(ok, errors, Math.max(seconds, 0.001), percentile(sorted, 0.5) / 1e6,
                percentile(sorted, 0.99) / 1e6, firstError);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    private static String latency(Load load) {
        return ", p50 " + round(load.p50Ms()) + " ms, p99 " + round(load.p99Ms()) + " ms";
    }

    private static String perSecond(double rate, String unit) {
        return round(rate) + " " + unit + "/s";
    }

    private static String round(double value) {
        return String.format("%,.0f", value);
    }

    private static String pct(double ratio) {
        return String.format("%.0f %%", ratio * 100);
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static void say(String line) {
        System.out.println("bench: " + line);
    }
}
