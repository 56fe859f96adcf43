package org.hcp.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The HTTP steps of {@code ./hcp}, in Java so that a machine with only a JDK and Maven needs no curl.
 *
 * <pre>
 * wait-ready BASE_URL SECONDS      wait until BASE_URL/q/health/ready answers 200
 * demo INTAKE_URL                  submit the demo ratings (fixed ids: running it again adds nothing)
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
            case "demo" -> demo(args[1]);
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
        System.err.println("usage: Cli wait-ready URL SECONDS | demo INTAKE_URL | post URL ROLE [JSON] | get URL ROLE");
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

    /** A few ratings in Jilin City, Jilin EDZ and Tai'an, so the statistics show something at once. */
    private static void demo(String intakeUrl) throws Exception {
        record Demo(String id, String region, String institution, String window, String channel, int level,
                String tags) {
        }
        List<Demo> ratings = List.of(
                new Demo("demo-0001", "220202", "JL-CY-CENTRE", "W01", "WINDOW_DEVICE", 5, "[]"),
                new Demo("demo-0002", "220202", "JL-CY-CENTRE", "W02", "QR_CODE", 4, "[]"),
                new Demo("demo-0003", "220204", "JL-CHY-CENTRE", "W01", "WINDOW_DEVICE", 2, "[\"WAIT_TOO_LONG\"]"),
                new Demo("demo-0004", "220204", "JL-CHY-CENTRE", "W03", "MOBILE_APP", 5, "[]"),
                new Demo("demo-0005", "220271", "JL-EDZ-CENTRE", "W01", "SELF_SERVICE_TERMINAL", 3, "[]"),
                new Demo("demo-0006", "220271", "JL-EDZ-CENTRE", "W02", "SMS", 1, "[\"ATTITUDE\",\"RUNS_AROUND\"]"),
                new Demo("demo-0007", "370902", "TA-TS-CENTRE", "W05", "WEBSITE", 5, "[]"),
                new Demo("demo-0008", "370911", "TA-DY-CENTRE", "W02", "HOTLINE_12345", 4, "[]"));
        int accepted = 0;
        for (Demo d : ratings) {
            String json = """
                    {"ratingId":"%s","caseNumber":"DEMO-%s","caseKind":"INSTANT","itemCode":"DEMO-ITEM-01",
                     "institutionCode":"%s","windowCode":"%s","regionCode":"%s","channel":"%s","level":%d,"tags":%s}"""
                    .formatted(d.id(), d.id(), d.institution(), d.window(), d.region(), d.channel(), d.level(),
                            d.tags());
            HttpResponse<String> response = post(intakeUrl + "/api/v1/ratings", "channel", json);
            if (response.statusCode() != 202) {
                System.err.println("demo rating " + d.id() + " refused: " + response.statusCode() + " " + response.body());
                System.exit(1);
            }
            accepted++;
        }
        System.out.println(accepted);
    }

    private static HttpResponse<String> post(String url, String role, String json)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + DevTokens.mint(role))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
