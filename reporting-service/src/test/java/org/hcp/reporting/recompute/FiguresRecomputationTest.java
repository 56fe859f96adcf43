package org.hcp.reporting.recompute;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hcp.audit.AuditFold.Query;
import org.hcp.audit.AuditFold;
import org.hcp.events.EventEnvelope;
import org.hcp.events.Topics;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.TopicProbe;
import org.hcp.tools.history.Generate;
import org.hcp.tools.history.HistoryGenerator;
import org.hcp.reporting.messaging.StatisticsTopics;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's check: over a generated history, every figure the API serves, by every dimension and grouping the
 * console uses, equals an independent fold of the raw log; again after an upheld appeal, and again after a rebuild.
 * The history is three months at a fifth of the default traffic here (about 8,000 ratings); with
 * {@code -Dhcp.bench=true} it is twelve months at six times the traffic (over 1,000,000 ratings) and the test also
 * prints the generator's rate, the rebuild's rate and the console views' query latencies (docs/performance.md).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class FiguresRecomputationTest {

    private static final boolean BENCH = Boolean.getBoolean("hcp.bench");
    private static final String ADMIN = DevTokens.mint("admin");
    private static final LocalDate FROM = LocalDate.of(2025, 3, 1);

    private static String bootstrap() {
        return LocalStack.shared().kafka().bootstrapServers();
    }

    private static AuditFold fold() {
        AuditFold fold = new AuditFold();
        TopicProbe.forEach(bootstrap(), StatisticsTopics.TOPICS, Duration.ofMinutes(10),
                r -> fold.accept(r.topic(), r.partition(), r.offset(), r.value()));
        return fold;
    }

    /** An admin request that may take long: a rebuild of a million ratings outlasts the client's default 30 s. */
    private static io.restassured.specification.RequestSpecification patient() {
        return given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 3_600_000))).auth().oauth2(ADMIN);
    }

    private static JsonPath get(String path) {
        // Rates as doubles: JsonPath reads them as floats by default, a tenth of a basis point off.
        return given().auth().oauth2(ADMIN).get(path).then().statusCode(200).extract().jsonPath()
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static int servedRatings() {
        return get("/api/v1/stats/figures").getInt("figures.ratings");
    }

    /** The queries the console makes, as API parameters and as the fold's query. */
    private static List<Map.Entry<String, Query>> queries(int months) {
        LocalDate lastMonth = FROM.plusMonths(months - 1);
        LocalDate end = FROM.plusMonths(months).minusDays(1);
        List<Map.Entry<String, Query>> q = new ArrayList<>();
        q.add(Map.entry("", new Query(null, null, null, null, null, null, null, 0)));
        q.add(Map.entry("by=region", new Query(null, null, null, null, null, null, "region", 2)));
        q.add(Map.entry("region=22&by=region", new Query("22", null, null, null, null, null, "region", 4)));
        q.add(Map.entry("region=2202&by=region", new Query("2202", null, null, null, null, null, "region", 6)));
        q.add(Map.entry("region=2202&by=institution&from=" + FROM + "&to=" + end,
                new Query("2202", null, null, null, FROM, end, "institution", 0)));
        q.add(Map.entry("region=37&by=month", new Query("37", null, null, null, null, null, "month", 0)));
        q.add(Map.entry("by=quarter", new Query(null, null, null, null, null, null, "quarter", 0)));
        q.add(Map.entry("institution=G-220202-C&by=window&from=" + lastMonth + "&to=" + end,
                new Query(null, "G-220202-C", "window", null, lastMonth, end, "window", 0)));
        q.add(Map.entry("institution=G-370902-C&by=staff", new Query(null, "G-370902-C", "staff", null, null, null,
                "staff", 0)));
        q.add(Map.entry("region=3709&by=item&from=" + FROM + "&to=" + FROM.plusMonths(1).minusDays(1),
                new Query("3709", null, "item", null, FROM, FROM.plusMonths(1).minusDays(1), "item", 0)));
        q.add(Map.entry("region=22&by=platform", new Query("22", null, "platform", null, null, null, "platform", 0)));
        q.add(Map.entry("region=22&by=channel&from=2025-03-03&to=2025-03-16",
                new Query("22", null, "channel", null, LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 16),
                        "channel", 0)));
        q.add(Map.entry("institution=G-220271-C&by=day&from=2025-03-01&to=2025-03-10",
                new Query(null, "G-220271-C", null, null, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 10), "day",
                        0)));
        q.add(Map.entry("region=37&channel=SMS&by=week&from=2025-03-03&to=2025-03-30",
                new Query("37", null, "channel", "SMS", LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 30), "week",
                        0)));
        q.add(Map.entry("region=2202&item=G-ITEM-PROPERTY&by=month", new Query("2202", null, "item", "G-ITEM-PROPERTY", null,
                null, "month", 0)));
        return q;
    }

    private static void assertServedEqualsFold(AuditFold fold, int months) {
        LocalDate lastMonth = FROM.plusMonths(months - 1);
        LocalDate end = FROM.plusMonths(months).minusDays(1);
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Query> q : queries(months)) {
            JsonPath served = get("/api/v1/stats/figures?limit=1000&" + q.getKey());
            Map<String, Map<String, Object>> expected = fold.figures(q.getValue());
            Map<String, Map<String, Object>> actual = new TreeMap<>();
            if (q.getValue().by() == null) {
                actual.put("", flat(served.getMap("figures")));
            } else {
                List<Map<String, Object>> groups = served.getList("groups");
                groups.forEach(g -> actual.put((String) g.get("key"), flat(castMap(g.get("figures")))));
            }
            assertTrue(!expected.isEmpty(), "the history has something for " + q.getKey());
            if (!expected.keySet().equals(actual.keySet())) {
                differences.add(q.getKey() + ": groups " + actual.keySet() + " served, " + expected.keySet()
                        + " recomputed");
                continue;
            }
            expected.forEach((group, figures) -> figures.forEach((name, value) -> {
                Object got = actual.get(group).get(name);
                if (!same(value, got)) {
                    differences.add(q.getKey() + " [" + group + "] " + name + ": served " + got + ", recomputed "
                            + value);
                }
            }));
        }
        // R4.4 / R4.5: the fair rankings of districts, institutions, windows and staff, with the policy's minimum
        // sample (the national default's, which Jilin City and Tai'an inherit).
        int minimum = org.hcp.events.policy.PolicyBook.shipped().resolve("220200", end).rankingMinimumRatings();
        for (String unit : List.of("region", "institution", "window", "staff")) {
            Query scope = unit.equals("institution") || unit.equals("region")
                    ? new Query("37", null, null, null, FROM, end, null, 0)
                    : new Query("2202", null, null, null, lastMonth, end, null, 0);
            JsonPath served = get("/api/v1/stats/rankings?limit=1000&unit=" + unit + "&region=" + scope.region()
                    + "&from=" + scope.from() + "&to=" + end);
            Map<String, double[]> expected = fold.ranking(unit, scope, minimum);
            if (served.getInt("minimumRatings") != minimum) {
                differences.add(unit + " ranking: minimum sample " + served.getInt("minimumRatings") + " served, "
                        + minimum + " in the policy");
            }
            List<Map<String, Object>> units = served.getList("units");
            List<String> order = units.stream().map(u -> (String) u.get("unit")).toList();
            if (!order.equals(new ArrayList<>(expected.keySet()))) {
                differences.add(unit + " ranking: served " + order + ", recomputed " + expected.keySet());
                continue;
            }
            for (Map<String, Object> u : units) {
                double[] e = expected.get((String) u.get("unit"));
                String[] names = {"ratings", "satisfied", "index", "lower", "upper"};
                for (int i = 0; i < names.length; i++) {
                    if (Math.abs(((Number) u.get(names[i])).doubleValue() - e[i]) > 0.00005 + 1e-9) {
                        differences.add(unit + " " + u.get("unit") + " " + names[i] + ": served " + u.get(names[i])
                                + ", recomputed " + e[i]);
                    }
                }
            }
        }

        // R4.4: staff in the last 3 of their city's fair ranking in each of the last 3 months (national default).
        List<Map<String, double[]>> monthly = new ArrayList<>();
        for (int i = 2; i >= 0; i--) {
            LocalDate m = lastMonth.minusMonths(i);
            Map<String, double[]> ranking = fold.ranking("staff", new Query("2202", null, null, null, m,
                    m.plusMonths(1).minusDays(1), null, 0), minimum);
            ranking.values().removeIf(u -> u[0] < minimum);
            monthly.add(ranking);
        }
        java.util.Set<String> bottom = null;
        for (Map<String, double[]> m : monthly) {
            List<String> order = new ArrayList<>(m.keySet());
            java.util.Set<String> last = new java.util.HashSet<>(order.subList(Math.max(0, order.size() - 3),
                    order.size()));
            if (bottom == null) {
                bottom = last;
            } else {
                bottom.retainAll(last);
            }
        }
        List<String> warned = get("/api/v1/stats/warnings?unit=staff&region=2202&month="
                + lastMonth.toString().substring(0, 7)).getList("warnings.warned.unit");
        if (bottom.isEmpty()) {
            differences.add("warnings: the generated history's weaker staff should be warned; nobody is");
        }
        if (!new java.util.HashSet<>(warned).equals(bottom)) {
            differences.add("warnings: served " + warned + ", recomputed " + bottom);
        }

        // R4.6: the tags of the last month, and of the month before.
        JsonPath tags = get("/api/v1/stats/tags?region=2202&limit=100&from=" + lastMonth + "&to=" + end);
        Map<String, Long> now = fold.tags(new Query("2202", null, null, null, lastMonth, end, null, 0));
        Map<String, Long> before = fold.tags(new Query("2202", null, null, null, lastMonth.minusMonths(1),
                lastMonth.minusDays(1), null, 0));
        List<Map<String, Object>> served = tags.getList("tags");
        if (served.size() != now.size()) {
            differences.add("tags: " + served.size() + " served, " + now.size() + " recomputed");
        }
        long bad = (Long) fold.figures(new Query("2202", null, null, null, lastMonth, end, null, 0)).get("").get("bad");
        for (Map<String, Object> t : served) {
            String tag = (String) t.get("tag");
            if (!same(now.get(tag), t.get("count")) || !same(before.getOrDefault(tag, 0L), t.get("previousCount"))
                    || !same(AuditFold.rate(now.get(tag), bad), t.get("share"))) {
                differences.add("tag " + tag + ": served " + t + ", recomputed " + now.get(tag) + " of " + bad
                        + ", before " + before.get(tag));
            }
        }
        assertEquals(List.of(), differences.stream().limit(20).toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> flat(Map<String, Object> figures) {
        Map<String, Object> out = new HashMap<>(figures);
        castMap(figures.get("byLevel")).forEach((level, n) -> out.put("byLevel." + level, n));
        return out;
    }

    private static boolean same(Object expected, Object served) {
        if (expected == null || served == null) {
            return expected == served;
        }
        if (expected instanceof Double e) {
            return Math.abs(e - ((Number) served).doubleValue()) < 1e-9;
        }
        return ((Number) expected).longValue() == ((Number) served).longValue();
    }

    @Test
    void r4_1_r4_2_everyFigureByEveryDimensionEqualsAnAuditFoldBeforeAndAfterAnAppealAndARebuild() {
        // A smaller bench, for trying a change: -Dhcp.bench.months=12 -Dhcp.bench.scale=1.5 (about 250,000 ratings).
        int months = BENCH ? Integer.getInteger("hcp.bench.months", 12) : 3;
        double scale = BENCH ? Double.parseDouble(System.getProperty("hcp.bench.scale", "6.2")) : 0.2;
        HistoryGenerator.Options options = new HistoryGenerator.Options(13, FROM, months, scale);
        long started = System.nanoTime();
        Map<String, Long> written = Generate.write(bootstrap(), options);
        double generateSeconds = (System.nanoTime() - started) / 1e9;
        long events = written.values().stream().mapToLong(Long::longValue).sum();

        AuditFold fold = fold();
        assertTrue(fold.ratingCount() > (BENCH ? 150_000 * scale : 5_000), "ratings: " + fold.ratingCount());
        await().atMost(Duration.ofMinutes(BENCH ? 30 : 3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> servedRatings() == fold.ratingCount());
        // 追评 arrive on hcp.cases, apart from the ratings: wait for them too (and that the history has some).
        long followUps = (Long) fold.figures(new Query(null, null, null, null, null, null, null, 0)).get("")
                .get("followUps");
        assertTrue(followUps > 0, "the generated history has follow-up ratings");
        await().atMost(Duration.ofMinutes(BENCH ? 30 : 3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> get("/api/v1/stats/figures").getLong("figures.followUps") == followUps);
        assertServedEqualsFold(fold, months);

        // R3.4: an upheld appeal takes a counted bad review out of every figure it was in.
        JsonPath before = get("/api/v1/stats/figures?institution=G-220202-C");
        String ratingId = fold.adoptedBadReview("G-220202-C");
        Instant at = Instant.now();
        TestEvents.publish(Topics.APPEALS, EventEnvelope.of(new RatingNotAdopted(ratingId, "case", "test-decision",
                true, "误评", "bureau:2202", at), ratingId, "220202", at, at, null, null, "test"));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/stats/figures?institution=G-220202-C")
                .getLong("figures.bad") == before.getLong("figures.bad") - 1);
        assertServedEqualsFold(fold(), months);

        JsonPath rebuilt = patient().post("/api/v1/admin/rebuild").then().statusCode(200).extract().jsonPath();
        assertServedEqualsFold(fold(), months);

        if (BENCH) {
            long replayed = rebuilt.getLong("eventsReplayed");
            System.out.printf("%nfigures bench: %,d events generated in %.1f s (%,.0f/s), %,d ratings counted;"
                    + " rebuild %,d events in %,d ms (%,.0f/s)%n", events, generateSeconds, events / generateSeconds,
                    fold.ratingCount(), replayed, rebuilt.getLong("durationMs"),
                    replayed * 1000.0 / rebuilt.getLong("durationMs"));
            latencies(months);
            long t = System.nanoTime();
            List<Map<String, Object>> bulletins = patient().contentType("application/json")
                    .body("{\"month\":\"" + FROM.plusMonths(months - 1).toString().substring(0, 7) + "\"}")
                    .post("/api/v1/bulletins").then().statusCode(201).extract().jsonPath().getList("$");
            System.out.printf("bulletins of a month: %d published in %.1f s%n", bulletins.size(),
                    (System.nanoTime() - t) / 1e9);
        }
    }

    /** p50 / p95 of each console view over 200 calls after 20 to warm up, one at a time. */
    private static void latencies(int months) {
        LocalDate end = FROM.plusMonths(months).minusDays(1);
        LocalDate lastMonth = FROM.plusMonths(months - 1);
        Map<String, String> views = new java.util.LinkedHashMap<>();
        views.put("overview: province by city, a year", "region=22&by=region&from=" + FROM + "&to=" + end);
        views.put("trend: a city by month", "region=2202&by=month");
        views.put("drill: a district's institutions, a month", "region=220202&by=institution&from=" + lastMonth
                + "&to=" + end);
        views.put("drill: an institution's windows, a month", "institution=G-220202-C&by=window&from=" + lastMonth
                + "&to=" + end);
        views.put("drill: an institution's staff, a year", "institution=G-220202-C&by=staff");
        views.put("items of a city, a quarter", "region=3709&by=item&from=" + FROM + "&to="
                + FROM.plusMonths(3).minusDays(1));
        views.put("channels of a province, a week by day", "region=22&by=channel&from=2025-03-03&to=2025-03-09");
        views.put("tags of a city, a month", null);
        views.put("ranking: a province's institutions, a year", "RANK:unit=institution&region=22&from=" + FROM
                + "&to=" + end);
        views.put("ranking: a city's staff, a month", "RANK:unit=staff&region=2202&from=" + lastMonth + "&to=" + end);
        System.out.println("| view | p50 ms | p95 ms |");
        System.out.println("|---|---|---|");
        views.forEach((name, query) -> {
            String path = query == null ? "/api/v1/stats/tags?region=2202&from=" + lastMonth + "&to=" + end
                    : query.startsWith("RANK:") ? "/api/v1/stats/rankings?" + query.substring(5)
                    : "/api/v1/stats/figures?limit=1000&" + query;
            for (int i = 0; i < 20; i++) {
                get(path);
            }
            long[] ns = new long[200];
            for (int i = 0; i < ns.length; i++) {
                long t = System.nanoTime();
                get(path);
                ns[i] = System.nanoTime() - t;
            }
            java.util.Arrays.sort(ns);
            System.out.printf("| %s | %.1f | %.1f |%n", name, ns[100] / 1e6, ns[190] / 1e6);
        });
    }
}
