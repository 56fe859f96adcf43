package org.hcp.tools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.hcp.events.ChinaTime;
import org.hcp.events.EventJson;
import org.hcp.localstack.DevTokens;

/**
 * The HTTP steps of {@code ./hcp}, in Java so that a machine with only a JDK and Maven needs no curl.
 *
 * <pre>
 * wait-ready BASE_URL SECONDS      wait until BASE_URL/q/health/ready answers 200
 * demo INTAKE_URL [RECTIFICATION_URL [APPEAL_URL]]
 *                                  load the demo directory, cases, ratings, rectifications and appeals (running it
 *                                  again adds nothing)
 * post URL ROLE [JSON]             POST with a dev token of ROLE, print status and body
 * get URL ROLE                     GET with a dev token of ROLE, print the body
 * </pre>
 */
public final class Cli {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Cli() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "wait-ready" -> waitReady(args[1], Integer.parseInt(args[2]));
            case "demo" -> {
                demo(args[1]);
                if (args.length > 2) {
                    demoRectifications(args[2]);
                }
                if (args.length > 3) {
                    demoAppeals(args[3]);
                }
            }
            case "post" -> {
                HttpResponse<String> response = post(args[1], args[2], args.length > 3 ? args[3] : "");
                System.out.println(response.statusCode() + " " + response.body());
                System.exit(response.statusCode() < 400 ? 0 : 1);
            }
            case "get" -> {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(args[1]))
                        .header("Authorization", "Bearer " + DevTokens.mint(args[2])).build(),
                        HttpResponse.BodyHandlers.ofString());
                System.out.println(response.body());
                System.exit(response.statusCode() < 400 ? 0 : 1);
            }
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: Cli wait-ready URL SECONDS | demo INTAKE_URL [RECTIFICATION_URL [APPEAL_URL]] | post URL ROLE [JSON] | get URL ROLE");
        System.exit(2);
    }

    private static void waitReady(String baseUrl, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        System.err.println(baseUrl + " not ready after " + seconds + " s");
        System.exit(1);
    }

    /**
     * The demo directory (regions, items, platforms, institutions, windows and staff of Jilin City, Jilin EDZ and
     * Tai'an), completed cases in each, and ratings for most of them; the rest wait for their default rating (R1.9).
     * Fixed case numbers and rating ids: running it again adds nothing.
     */
    private static void demo(String intakeUrl) throws Exception {
        String csv;
        try (var in = Cli.class.getResourceAsStream("/demo/directory.csv")) {
            csv = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        HttpResponse<String> imported = send(intakeUrl + "/api/v1/directory/import", "admin",
                "text/csv; charset=UTF-8", csv);
        if (imported.statusCode() != 200) {
            System.err.println("demo directory refused: " + imported.statusCode() + " " + imported.body());
            System.exit(1);
        }
        record Demo(String caseNumber, String kind, String institution, String window, String staff, String item,
                String channel, int level, String tags) {
        }
        List<Demo> cases = List.of(
                new Demo("DEMO-JL-0001", "INSTANT", "JL-CY-CENTRE", "JL-CY-W01", "JL-CY-S001", "ITEM-BIZ-LICENSE",
                        "WINDOW_DEVICE", 5, "[]"),
                new Demo("DEMO-JL-0002", "INSTANT", "JL-CY-CENTRE", "JL-CY-W02", "JL-CY-S002", "ITEM-SOCIAL-CARD",
                        "QR_CODE", 4, "[]"),
                new Demo("DEMO-JL-0003", "PROMISED", "JL-CHY-CENTRE", "JL-CHY-W01", "JL-CHY-S001", "ITEM-PROPERTY",
                        "WINDOW_DEVICE", 2, "[\"WAITING\"]"),
                new Demo("DEMO-JL-0004", "ONLINE", "JL-CHY-CENTRE", null, null, "ITEM-RESIDENCE",
                        "MOBILE_APP", 5, "[]"),
                new Demo("DEMO-JE-0001", "SELF_SERVICE", "JL-EDZ-CENTRE", null, null, "ITEM-SOCIAL-CARD",
                        "SELF_SERVICE_TERMINAL", 3, "[]"),
                new Demo("DEMO-JE-0002", "INSTANT", "JL-EDZ-CENTRE", "JL-EDZ-W01", "JL-EDZ-S001", "ITEM-BIZ-LICENSE",
                        "SMS", 1, "[\"ATTITUDE\",\"REPEAT_VISITS\"]"),
                new Demo("DEMO-JE-0003", "INSTANT", "JL-EDZ-JZ-STATION", "JL-EDZ-JZ-W01", null, "ITEM-RESIDENCE",
                        null, 0, null),
                new Demo("DEMO-TA-0001", "INSTANT", "TA-TS-CENTRE", "TA-TS-W05", "TA-TS-S001", "ITEM-BIZ-LICENSE",
                        "WEBSITE", 5, "[]"),
                new Demo("DEMO-TA-0002", "INSTANT", "TA-DY-CENTRE", "TA-DY-W02", "TA-DY-S001", "ITEM-SOCIAL-CARD",
                        "HOTLINE_12345", 4, "[]"),
                new Demo("DEMO-TA-0003", "INSTANT", "TA-DY-CENTRE", "TA-DY-W02", "TA-DY-S001", "ITEM-PROPERTY",
                        null, 0, null),
                new Demo("DEMO-JL-0005", "INSTANT", "JL-CY-CENTRE", "JL-CY-W02", "JL-CY-S002", "ITEM-RESIDENCE",
                        "WINDOW_DEVICE", 2, "[\"MATERIALS\"]"),
                new Demo("DEMO-TA-0004", "INSTANT", "TA-TS-CENTRE", "TA-TS-W05", "TA-TS-S001", "ITEM-PROPERTY",
                        "QR_CODE", 2, "[\"GUIDANCE\"]"));
        // R6.3: six 非常满意 for one staff member from the window's own device within seconds, a 刷好评 burst the
        // integrity rules flag for Tai'an's bureau (docs/rules.md, DEVICE_BURST).
        List<Demo> burst = new java.util.ArrayList<>();
        for (int i = 5; i <= 10; i++) {
            burst.add(new Demo("DEMO-TA-%04d".formatted(i), "INSTANT", "TA-DY-CENTRE", "TA-DY-W02", "TA-DY-S001",
                    "ITEM-SOCIAL-CARD", "WINDOW_DEVICE", 5, "[]"));
        }
        cases = java.util.stream.Stream.concat(cases.stream(), burst.stream()).toList();
        // Completed this morning (Asia/Shanghai), so a second run sends the same body and adds nothing.
        java.time.Instant completed = java.time.LocalDate.now(ChinaTime.ZONE).atTime(9, 0)
                .atZone(ChinaTime.ZONE).toInstant();
        if (completed.isAfter(java.time.Instant.now())) {
            completed = completed.minus(Duration.ofDays(1));
        }
        int reported = 0;
        int rated = 0;
        for (Demo d : cases) {
            String visits = d.kind().equals("PROMISED")
                    ? "[{\"visitId\":\"V1\",\"windowCode\":\"%s\",\"visitedAt\":\"%s\"}]".formatted(d.window(),
                            completed.minus(Duration.ofDays(3)))
                    : "[]";
            String caseJson = """
                    {"caseNumber":"%s","caseKind":"%s","itemCode":"%s","institutionCode":"%s","windowCode":%s,
                     "staffId":%s,"completedAt":"%s","visits":%s,
                     "evaluator":{"type":"NATURAL_PERSON","id":"DEMO-ID-%s","name":"演示用户","mobile":"13900000000"}}"""
                    .formatted(d.caseNumber(), d.kind(), d.item(), d.institution(), quoted(d.window()),
                            quoted(d.staff()), completed, visits, d.caseNumber());
            HttpResponse<String> response = post(intakeUrl + "/api/v1/cases", "channel", caseJson);
            if (response.statusCode() == 409) {
                continue; // reported on an earlier day's run
            }
            if (response.statusCode() != 202) {
                System.err.println("demo case " + d.caseNumber() + " refused: " + response.statusCode() + " "
                        + response.body());
                System.exit(1);
            }
            reported++;
            if (d.channel() == null) {
                continue;
            }
            String rating = """
                    {"ratingId":"%s-R","caseNumber":"%s","channel":"%s","level":%d,"tags":%s,
                     "evaluator":{"type":"NATURAL_PERSON","id":"DEMO-ID-%s"}%s}"""
                    .formatted(d.caseNumber(), d.caseNumber(), d.channel(), d.level(), d.tags(), d.caseNumber(),
                            d.kind().equals("PROMISED") ? ",\"visitId\":\"V1\"" : "");
            HttpResponse<String> answer = post(intakeUrl + "/api/v1/ratings", "channel", rating);
            if (answer.statusCode() != 202 && answer.statusCode() != 409) {
                System.err.println("demo rating of " + d.caseNumber() + " refused: " + answer.statusCode() + " "
                        + answer.body());
                System.exit(1);
            }
            rated++;
        }
        System.out.println(cases.size() + " cases (" + reported + " new), " + rated + " ratings");
        System.out.println(ratingPageLink(intakeUrl));
    }

    /**
     * The demo's bad reviews in each state of R2 (docs/rules.md): DEMO-JE-0002 worked through to closed (a level-1
     * review, so verified by phone with a re-survey); DEMO-JL-0005 a complex case whose ledger deadline was set
     * seconds away and is then flagged overdue by the scheduler; DEMO-JL-0003 assigned and DEMO-TA-0004 just opened,
     * both open, and either can be withdrawn once an appeal on it is upheld. Steps already taken answer 409 on a
     * second run and are skipped.
     */
    private static void demoRectifications(String url) throws Exception {
        String jeUnit = DevTokens.mint("handler", "JL-EDZ-CENTRE", Duration.ofHours(1));
        String jlUnit = DevTokens.mint("handler", "JL-CY-CENTRE", Duration.ofHours(1));
        String chyUnit = DevTokens.mint("handler", "JL-CHY-CENTRE", Duration.ofHours(1));
        String jilinBureau = DevTokens.mint("bureau", "2202", Duration.ofHours(1));
        for (String id : List.of("DEMO-JE-0002-R", "DEMO-JL-0005-R", "DEMO-JL-0003-R", "DEMO-TA-0004-R")) {
            awaitRectification(url, id);
        }
        String closed = url + "/api/v1/rectifications/DEMO-JE-0002-R/";
        step(closed + "assignment", jeUnit, "{\"responsiblePerson\":\"李主任\"}");
        step(closed + "callbacks", jeUnit, "{\"result\":\"REACHED\",\"note\":\"已致电评价人，了解情况\"}");
        step(closed + "classification", jeUnit, "{\"classification\":\"CLEAR\",\"reason\":\"窗口人员态度生硬\"}");
        step(closed + "resolution", jeUnit, "{\"resolution\":\"RECTIFIED\",\"measures\":\"对窗口人员批评教育，"
                + "开展服务礼仪培训\"}");
        step(closed + "feedback", jeUnit, "{\"means\":\"PHONE\",\"summary\":\"告知整改情况\"}");
        step(closed + "verification", jilinBureau,
                "{\"confirmed\":true,\"phoneCallback\":true,\"resurveyLevel\":4,\"note\":\"回访满意\"}");
        step(closed + "closing", jilinBureau, null);

        String late = url + "/api/v1/rectifications/DEMO-JL-0005-R/";
        step(late + "assignment", jlUnit, "{\"responsiblePerson\":\"王科长\"}");
        step(late + "callbacks", jlUnit, "{\"result\":\"REACHED\"}");
        step(late + "classification", jlUnit, "{\"classification\":\"COMPLEX\",\"reason\":\"需跨部门协调材料清单\","
                + "\"dueAt\":\"" + java.time.Instant.now().plusSeconds(5) + "\"}");
        step(url + "/api/v1/rectifications/DEMO-JL-0003-R/assignment", chyUnit, "{\"responsiblePerson\":\"张股长\"}");
        // The scheduler looks every 10 s under ./hcp (profile local): wait until it has flagged the missed deadline.
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline && !get(late.substring(0, late.length() - 1), jlUnit).body()
                .contains("\"late\":true")) {
            Thread.sleep(1000);
        }
    }

    /**
     * The demo's appeals (R3): DEMO-TA-0004-R appealed and pending; DEMO-JL-0003-R verified and upheld, so it is not
     * adopted (reporting counts it out, its rectification is withdrawn); DEMO-JE-0002-R verified and rejected. A step
     * already taken answers 409 on a second run and is skipped.
     */
    private static void demoAppeals(String url) throws Exception {
        String appeals = url + "/api/v1/appeals";
        String taUnit = DevTokens.mint("handler", "TA-TS-CENTRE", Duration.ofHours(1));
        String chyUnit = DevTokens.mint("handler", "JL-CHY-CENTRE", Duration.ofHours(1));
        String jeUnit = DevTokens.mint("handler", "JL-EDZ-CENTRE", Duration.ofHours(1));
        String jilinBureau = DevTokens.mint("bureau", "2202", Duration.ofHours(1));
        fileAppeal(appeals, taUnit, "DEMO-TA-0004-R", "INSTITUTION", "办事指南已于上月更新，评价所述内容为旧版");
        fileAppeal(appeals, chyUnit, "DEMO-JL-0003-R", "STAFF", "评价人误选等级，现场已表示满意");
        step(appeals + "/DEMO-JL-0003-R/verifications", jilinBureau,
                "{\"method\":\"PHONE_CALLBACK\",\"finding\":\"回访评价人，确认误选\"}");
        step(appeals + "/DEMO-JL-0003-R/decision", jilinBureau,
                "{\"outcome\":\"UPHELD\",\"malicious\":false,\"reason\":\"误评，经电话回访核实\"}");
        fileAppeal(appeals, jeUnit, "DEMO-JE-0002-R", "STAFF", "窗口人员认为态度并无不当");
        step(appeals + "/DEMO-JE-0002-R/verifications", jilinBureau,
                "{\"method\":\"FILE_REVIEW\",\"finding\":\"调阅录音，服务用语生硬\"}");
        step(appeals + "/DEMO-JE-0002-R/decision", jilinBureau,
                "{\"outcome\":\"REJECTED\",\"reason\":\"评价属实\"}");
    }

    /** Files once appeal-service has read the rating (404 until then); an appeal already filed answers 409. */
    private static void fileAppeal(String url, String token, String ratingId, String appellant, String grounds)
            throws Exception {
        String body = "{\"ratingId\":\"%s\",\"appellant\":\"%s\",\"grounds\":\"%s\"}".formatted(ratingId,
                appellant, grounds);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 || answer.statusCode() == 409) {
                return;
            }
            if (answer.statusCode() != 404 || System.nanoTime() > deadline) {
                System.err.println("demo appeal on " + ratingId + " refused: " + answer.statusCode() + " "
                        + answer.body());
                System.exit(1);
            }
            Thread.sleep(500);
        }
    }

    private static void awaitRectification(String url, String id) throws Exception {
        String admin = DevTokens.mint("admin");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (get(url + "/api/v1/rectifications/" + id, admin).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                System.err.println("demo rectification " + id + " did not open within 30 s");
                System.exit(1);
            }
            Thread.sleep(500);
        }
    }

    private static void step(String url, String token, String json) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 && answer.statusCode() != 409) {
            System.err.println("demo step " + url + " refused: " + answer.statusCode() + " " + answer.body());
            System.exit(1);
        }
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A fresh case for every run, with a QR-code rating link (R1.8), so that the printed link always opens a page
     * that can still be rated.
     */
    private static String ratingPageLink(String intakeUrl) throws Exception {
        String caseNumber = "DEMO-QR-" + java.time.LocalDateTime.now(ChinaTime.ZONE)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        String caseJson = """
                {"caseNumber":"%s","caseKind":"INSTANT","itemCode":"ITEM-BIZ-LICENSE","institutionCode":"JL-CY-CENTRE",
                 "windowCode":"JL-CY-W01","staffId":"JL-CY-S001","completedAt":"%s"}"""
                .formatted(caseNumber, java.time.Instant.now().minusSeconds(60));
        HttpResponse<String> reported = post(intakeUrl + "/api/v1/cases", "channel", caseJson);
        HttpResponse<String> link = reported.statusCode() == 202 ? post(intakeUrl + "/api/v1/rating-links", "channel",
                "{\"caseNumber\":\"" + caseNumber + "\",\"channel\":\"QR_CODE\"}") : reported;
        if (link.statusCode() != 201) {
            System.err.println("demo rating link refused: " + link.statusCode() + " " + link.body());
            System.exit(1);
        }
        return EventJson.mapper().readTree(link.body()).get("url").asText();
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static HttpResponse<String> send(String url, String role, String contentType, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + DevTokens.mint(role))
                .header("Content-Type", contentType)
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String role, String json)
            throws IOException, InterruptedException {
        return send(url, role, "application/json", json);
    }
}
