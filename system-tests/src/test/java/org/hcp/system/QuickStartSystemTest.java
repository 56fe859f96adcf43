package org.hcp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hcp.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * The README's quick start as a newcomer runs it, on the day the test runs: {@code ./hcp up} with every port moved
 * by the environment variables the README names (as when another program holds the defaults), then the README's
 * example block pasted as written (its ports changed to the chosen ones, nothing else), the block {@code up} prints
 * pasted as printed, and the console address {@code up} prints opened in Chromium, whose ledger must come from the
 * rectification service on its moved port. The one step skipped is the Maven build: {@code mvn verify} has just
 * packaged the services, so the test hands {@code ./hcp} the classpath it would have asked Maven for.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuickStartSystemTest {

    private static final Path ROOT = Path.of(System.getProperty("hcp.root", "..")).toAbsolutePath().normalize();
    private static final Path STATE = Path.of("target", "quickstart-hcp").toAbsolutePath();
    private static final Map<String, String> ENV = new LinkedHashMap<>();
    private static String upOutput;

    @BeforeAll
    static void up() throws Exception {
        for (String variable : List.of("HCP_KAFKA_PORT", "HCP_KAFKA_CONTROLLER_PORT", "HCP_PG_PORT", "HCP_SMSC_PORT",
                "HCP_INTAKE_PORT", "HCP_REPORTING_PORT", "HCP_RECTIFICATION_PORT", "HCP_APPEAL_PORT",
                "HCP_CONSOLE_PORT", "HCP_AUDIT_PORT", "HCP_SYNC_PORT",
                "HCP_INTAKE_MANAGEMENT_PORT", "HCP_REPORTING_MANAGEMENT_PORT", "HCP_RECTIFICATION_MANAGEMENT_PORT",
                "HCP_APPEAL_MANAGEMENT_PORT", "HCP_CONSOLE_MANAGEMENT_PORT", "HCP_AUDIT_MANAGEMENT_PORT",
                "HCP_SYNC_MANAGEMENT_PORT")) {
            ENV.put(variable, Integer.toString(LocalStack.freePort()));
        }
        ENV.put("HCP_STATE", STATE.toString());
        // A fresh stack each run, as on a new machine.
        if (Files.exists(STATE)) {
            try (var old = Files.walk(STATE)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        // No shortcut: like a new machine, ./hcp up builds what it runs (the tools' classpaths) before it starts.
        Files.createDirectories(STATE);
        Run up = run(List.of("bash", "./hcp", "up"), Duration.ofMinutes(6));
        upOutput = up.output();
        assertEquals(0, up.exit(), "./hcp up failed:\n" + upOutput);
    }

    @AfterAll
    static void down() throws Exception {
        run(List.of("bash", "./hcp", "down"), Duration.ofMinutes(2));
    }

    @Test
    @Order(1)
    void theReadmesExampleRunsAsWrittenOnTheMovedPorts() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher block = Pattern.compile("```bash\n(# 1\\. Report the completed case.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertTrue(block.find(), "the README's example block (\"# 1. Report the completed case\") is gone");
        String example = block.group(1)
                .replace("127.0.0.1:8081", "127.0.0.1:" + ENV.get("HCP_INTAKE_PORT"))
                .replace("127.0.0.1:8082", "127.0.0.1:" + ENV.get("HCP_REPORTING_PORT"));
        // The README names the answers it expects in comments ("# 202 {...,"status":"recorded"}"): each one must come.
        List<String> expected = new ArrayList<>();
        Matcher answer = Pattern.compile("(?m)^# 202 \\{.*?(\"status\":\"[a-z]+\")").matcher(example);
        while (answer.find()) {
            expected.add(answer.group(1));
        }
        assertEquals(List.of("\"status\":\"recorded\"", "\"status\":\"accepted\""), expected);
        // Its case number is the second it runs: one second after `up` printed its own.
        Thread.sleep(1100);
        Run pasted = run(List.of("bash", "-c", example), Duration.ofMinutes(1));
        assertEquals(0, pasted.exit(), pasted.output());
        for (String status : expected) {
            assertTrue(pasted.output().contains(status), "README example: no " + status + " in\n" + pasted.output());
        }
        assertTrue(pasted.output().contains("\"satisfactionRate\""), "no statistics answered:\n" + pasted.output());
    }

    @Test
    @Order(2)
    void theBlockUpPrintsRunsAsPrinted() throws Exception {
        int from = upOutput.indexOf("  curl -s -X POST");
        int to = upOutput.indexOf("The staff workbench");
        assertTrue(from > 0 && to > from, "up printed no request to paste:\n" + upOutput);
        String printed = upOutput.substring(from, to);
        assertTrue(printed.contains("127.0.0.1:" + ENV.get("HCP_INTAKE_PORT")), printed);
        Run pasted = run(List.of("bash", "-c", printed), Duration.ofMinutes(1));
        assertEquals(0, pasted.exit(), pasted.output());
        assertTrue(pasted.output().contains("\"status\":\"recorded\"")
                && pasted.output().contains("\"status\":\"accepted\""), pasted.output());
    }

    @Test
    @Order(3)
    void theConsoleUpPrintsShowsTheLedgerFromTheMovedRectificationService() throws Exception {
        HeadlessChromium.requireBrowser("the quick start's console");
        Matcher console = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/console/#token=\\S+").matcher(upOutput);
        assertTrue(console.find(), "up printed no console address:\n" + upOutput);
        assertEquals(ENV.get("HCP_CONSOLE_PORT"), console.group(1));
        // Issue 28: up starts the console with the development sign-in, whose page lists the demo's people.
        String workbench = "http://127.0.0.1:" + ENV.get("HCP_CONSOLE_PORT") + "/console/";
        assertTrue(upOutput.contains(workbench + "\n"), "up printed no workbench address:\n" + upOutput);
        HttpResponse<String> people = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(workbench.replace("/console/", "/api/v1/console/dev-sign-in"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(people.statusCode() == 200 && people.body().contains("昌邑区政务服务中心")
                && people.body().contains("\"scope\":\"2202\""), people.statusCode() + " " + people.body());
        try (HeadlessChromium chromium = HeadlessChromium.start(1280, 1000)) {
            chromium.browser.get(console.group());
            chromium.awaitView("overview");
            chromium.browser.findElement(By.cssSelector("nav a[data-view=rectifications]")).click();
            String ledger = chromium.awaitView("rectifications");
            chromium.screenshot("quickstart-01-ledger-on-moved-ports");
            // The demo's rectifications in Jilin City, as the rectification service holds them: by case number and
            // with the directory's names (issue 28).
            assertTrue(ledger.contains("DEMO-JL-0005") && ledger.contains("DEMO-JE-0002")
                    && ledger.contains("昌邑区政务服务中心") && ledger.contains("居住证办理"), ledger);
        }
    }

    /**
     * Issue 26: after {@code ./hcp generate} the console's figures, its ledger and its appeal queue tell one story:
     * the generated callbacks, closures and appeals are in rectification-service's and appeal-service's own tables.
     */
    @Test
    @Order(4)
    void aGeneratedHistoryIsOneTheServicesThemselvesHold() throws Exception {
        Run generated = run(List.of("bash", "./hcp", "generate", "--months", "2", "--scale", "0.3"),
                Duration.ofMinutes(10));
        assertEquals(0, generated.exit(), generated.output());
        String admin = run(List.of("bash", "./hcp", "token", "admin"), Duration.ofMinutes(1)).output().lines()
                .filter(l -> l.startsWith("ey")).findFirst().orElseThrow();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        for (String region : List.of("22", "37")) {
            JsonNode figures = get(admin, "HCP_REPORTING_PORT", "/api/v1/stats/figures?region=" + region + "&from="
                    + today.minusMonths(13).withDayOfMonth(1) + "&to=" + today).get("figures");
            JsonNode units = get(admin, "HCP_RECTIFICATION_PORT", "/api/v1/rectifications/summary?region=" + region);
            long closed = 0;
            long onTime = 0;
            long counted = 0;
            for (JsonNode unit : units) {
                closed += unit.get("closed").asLong();
                onTime += unit.get("closedOnTime").asLong();
                counted += unit.get("badReviews").asLong() - unit.get("withdrawn").asLong();
            }
            assertTrue(figures.get("rectified").asLong() > 10, region + ": too small a history to compare " + figures);
            assertEquals(figures.get("rectifications").asLong(), counted, region + ": rectifications, figures vs ledger");
            assertEquals(figures.get("rectified").asLong(), closed, region + ": closed, figures vs ledger");
            assertEquals(figures.get("rectifiedOnTime").asLong(), onTime, region + ": on time, figures vs ledger");
            JsonNode appeals = get(admin, "HCP_APPEAL_PORT", "/api/v1/appeals?region=" + region + "&size=500");
            assertEquals(figures.get("appealsFiled").asLong(), appeals.get("items").size(),
                    region + ": appeals, figures vs the queue");
        }
    }

    private static JsonNode get(String token, String port, String path) throws Exception {
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + ENV.get(port) + path))
                        .header("Authorization", "Bearer " + token).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        return new ObjectMapper().readTree(answer.body());
    }

    private record Run(int exit, String output) {
    }

    /** A command in the project's folder with the moved ports; its output, stdout and stderr together. */
    private static Run run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path log = Files.createTempFile(STATE, "run-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(ENV);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(command + " did not finish within " + timeout + ":\n" + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log));
    }
}
