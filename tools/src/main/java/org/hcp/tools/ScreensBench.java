package org.hcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hcp.events.EventJson;
import org.hcp.localstack.DevTokens;

/**
 * How fast the staff's screens answer (issue 28: p95 ≤ 100 ms per screen's API call): every call each screen of the
 * console makes, through the console's gateway as the browser makes it, one at a time, 200 times after 20 to warm
 * up, as a handling unit and as a bureau of the generated history (docs/history.md: {@code G-220202-C} and Jilin
 * City, 2202). Run over a million-rating history: {@code ./hcp up && ./hcp generate --months 12 --scale 6 && ./hcp
 * bench --screens}. The table goes to the terminal and to {@code OUT_DIR/screens.md}.
 */
public final class ScreensBench {

    private static final int WARM_UP = 20;
    private static final int TIMED = 200;
    private static final String UNIT = "G-220202-C";
    private static final String CITY = "2202";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String console;
    private final List<String> table = new ArrayList<>();

    private ScreensBench(String console) {
        this.console = console;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ScreensBench OUT_DIR CONSOLE_PORT");
            System.exit(2);
        }
        ScreensBench bench = new ScreensBench("http://127.0.0.1:" + Integer.parseInt(args[1]));
        bench.run();
        Path out = Path.of(args[0]).resolve("screens.md");
        Files.createDirectories(out.getParent());
        Files.write(out, bench.table);
        System.exit(0);
    }

    /** One call of a screen, by the role that makes it. */
    private record Call(String screen, String token, String path) {
    }

    private void run() throws Exception {
        String unit = DevTokens.mint("handler", UNIT, Duration.ofHours(1));
        String bureau = DevTokens.mint("bureau", CITY, Duration.ofHours(1));
        JsonNode open = get(unit, "/api/v1/console/rectifications?status=OPEN,ASSIGNED,CLASSIFIED,RESOLVED,VERIFIED"
                + "&page=0&size=20");
        JsonNode anyOfTheUnits = get(unit, "/api/v1/console/rectifications?page=0&size=1");
        JsonNode appeals = get(bureau, "/api/v1/console/appeals?region=" + CITY + "&page=0&size=1");
        JsonNode flags = get(bureau, "/api/v1/console/integrity-flags?region=" + CITY + "&size=1");
        if (anyOfTheUnits.path("items").isEmpty() || appeals.path("items").isEmpty()) {
            throw new IllegalStateException("no generated history: ./hcp generate --months 12 --scale 6 first");
        }
        String rectification = (open.path("items").isEmpty() ? anyOfTheUnits : open).path("items").get(0)
                .path("rectificationId").asText();
        String appealed = appeals.path("items").get(0).path("ratingId").asText();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String month = YearMonth.from(today).toString();
        // the console's default period: the twelve months up to this one, whole months (console.js period())
        String year = "from=" + YearMonth.from(today).minusMonths(11).atDay(1) + "&to="
                + YearMonth.from(today).atEndOfMonth();
        String thisMonth = "from=" + YearMonth.from(today).atDay(1) + "&to=" + YearMonth.from(today).atEndOfMonth();
        String lastMonth = YearMonth.from(today).minusMonths(1).toString();

        List<Call> calls = new ArrayList<>();
        // signing in, for either role: the names, the tag catalogue, the calendar's working days
        for (String kind : List.of("REGION", "INSTITUTION", "ITEM", "WINDOW", "STAFF")) {
            calls.add(new Call("sign-in (bureau)", bureau, "/api/v1/console/directory?kind=" + kind + "&region="
                    + CITY + "&size=500"));
        }
        calls.add(new Call("sign-in", unit, "/api/v1/console/policies/220202"));
        calls.add(new Call("sign-in", unit, "/api/v1/console/calendar"));
        // the handling unit
        calls.add(new Call("tasks", unit, "/api/v1/console/rectifications?status=OPEN,ASSIGNED,CLASSIFIED,RESOLVED,"
                + "VERIFIED&page=0&size=20"));
        calls.add(new Call("tasks (counts)", unit, "/api/v1/console/rectifications/summary"));
        calls.add(new Call("tasks (counts)", unit, "/api/v1/console/appeals?status=OPEN&size=100"));
        calls.add(new Call("rectification", unit, "/api/v1/console/rectifications/" + enc(rectification)));
        calls.add(new Call("rectification (appeal)", unit, "/api/v1/console/appealable-ratings/" + enc(rectification)));
        calls.add(new Call("my appeals", unit, "/api/v1/console/appeals?page=0&size=20"));
        calls.add(new Call("notices", unit, "/api/v1/console/appeal-notices?size=50"));
        // the bureau
        calls.add(new Call("overview", bureau, "/api/v1/stats/figures?region=" + CITY + "&" + year));
        calls.add(new Call("overview", bureau, "/api/v1/stats/figures?by=month&region=" + CITY + "&" + year));
        calls.add(new Call("overview", bureau, "/api/v1/stats/figures?by=channel&region=" + CITY + "&" + year));
        calls.add(new Call("overview", bureau, "/api/v1/stats/figures?by=region&region=" + CITY + "&" + year));
        calls.add(new Call("rankings", bureau, "/api/v1/stats/rankings?unit=institution&region=" + CITY + "&"
                + year));
        calls.add(new Call("rankings", bureau, "/api/v1/stats/warnings?unit=institution&region=" + CITY + "&month="
                + month));
        calls.add(new Call("tags", bureau, "/api/v1/stats/tags?region=" + CITY + "&limit=15&" + thisMonth));
        calls.add(new Call("ledger", bureau, "/api/v1/console/rectifications/summary?region=" + CITY));
        calls.add(new Call("ledger", bureau, "/api/v1/console/rectifications?region=" + CITY + "&page=0&size=20"));
        calls.add(new Call("rectification", bureau, "/api/v1/console/rectifications/" + enc(rectification)));
        calls.add(new Call("appeal queue", bureau, "/api/v1/console/appeals?region=" + CITY + "&page=0&size=20"));
        calls.add(new Call("appeal", bureau, "/api/v1/console/appeals/" + enc(appealed)));
        calls.add(new Call("flags", bureau, "/api/v1/console/integrity-flags?region=" + CITY + "&size=50"));
        if (!flags.path("items").isEmpty()) {
            calls.add(new Call("flag", bureau, "/api/v1/console/integrity-flags/"
                    + enc(flags.path("items").get(0).path("flagId").asText())));
        }
        calls.add(new Call("bulletins", bureau, "/api/v1/bulletins?month=" + lastMonth + "&region=" + CITY));

        table.add("| screen | call (through the console) | p50 ms | p95 ms | max ms |");
        table.add("|---|---|---|---|---|");
        System.out.println(table.get(0));
        System.out.println(table.get(1));
        double worst = 0;
        for (Call call : calls) {
            long[] nanos = time(call);
            double p95 = ms(percentile(nanos, 0.95));
            worst = Math.max(worst, p95);
            String shown = call.path().replaceAll("\\?.*", "").replace(enc(rectification), "{id}")
                    .replace(enc(appealed), "{ratingId}").replaceAll("integrity-flags/[^/]+$", "integrity-flags/{flagId}");
            if (shown.endsWith("/directory")) {
                shown += "?kind=" + call.path().replaceAll(".*kind=([A-Z]+).*", "$1");
            }
            String row = "| " + call.screen() + " | `" + shown + "` | "
                    + fmt(ms(percentile(nanos, 0.5))) + " | " + fmt(p95) + " | " + fmt(ms(nanos[nanos.length - 1]))
                    + " |";
            table.add(row);
            System.out.println(row);
        }
        String verdict = "worst p95 " + fmt(worst) + " ms (target ≤ 100 ms): " + (worst <= 100 ? "met" : "NOT MET");
        table.add("");
        table.add(verdict);
        System.out.println("\n" + verdict);
    }

    private long[] time(Call call) throws IOException, InterruptedException {
        long[] nanos = new long[TIMED];
        for (int i = 0; i < WARM_UP + TIMED; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> answer = http.send(request(call.token(), call.path()),
                    HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - start;
            // an appealable rating may be past its window or appealed already: 404 and 200 are both its answer
            if (answer.statusCode() != 200 && answer.statusCode() != 404) {
                throw new IllegalStateException(call.path() + " answered " + answer.statusCode() + ": "
                        + new String(answer.body(), StandardCharsets.UTF_8));
            }
            if (i >= WARM_UP) {
                nanos[i - WARM_UP] = took;
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private JsonNode get(String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request(token, path), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return EventJson.mapper().readTree(answer.body());
    }

    private HttpRequest request(String token, String path) {
        return HttpRequest.newBuilder(URI.create(console + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Accept-Language", "zh-CN").GET().build();
    }

    private static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String fmt(double ms) {
        return String.format(java.util.Locale.ROOT, "%.1f", ms);
    }
}
