package org.hcp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.hcp.events.EventJson;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Issue 28: production signs in through OpenID Connect's authorization-code flow with PKCE, here against a real
 * Keycloak (its distribution from Maven Central, on Java 21 or newer) with the reference realm of
 * docs/keycloak/hcp-realm.json. The console and rectification-service trust only Keycloak's keys: a handling unit
 * signs in on Keycloak's own page, comes back to its task list, and the service answers with the provider's token;
 * a development token is refused. Screenshots: {@code idp-*.png}.
 */
class IdentityProviderSignInTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Process keycloak;
    private static int keycloakPort;
    private static ServiceProcess rectification;
    private static ServiceProcess console;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void startKeycloakTheServicesAndTheBrowser() throws Exception {
        HeadlessChromium.requireBrowser("the identity provider sign-in test");
        Path javaHome = java21OrNewer().orElse(null);
        if (javaHome == null) {
            String why = "no Java 21 or newer for Keycloak (set HCP_KEYCLOAK_JAVA_HOME)";
            if (System.getenv("HCP_REQUIRE_KEYCLOAK") != null) {
                throw new IllegalStateException(why);
            }
            System.err.println("\n" + "!".repeat(100) + "\n!!! SKIPPED: IdentityProviderSignInTest, " + why + "\n"
                    + "!".repeat(100));
            Assumptions.abort(why);
        }
        Path home = unpackKeycloak();
        keycloakPort = LocalStack.freePort();
        LocalStack stack = LocalStack.shared();
        rectification = new ServiceProcess("rectification-service", "rectification", stack);
        console = new ServiceProcess("console", null, stack);
        writeRealm(home, console.url("/console/sign-in"));
        keycloak = startKeycloak(home, javaHome);
        String realm = "http://127.0.0.1:" + keycloakPort + "/realms/hcp";
        awaitKeycloak(realm + "/.well-known/openid-configuration");
        // Both trust the provider's keys and nothing else, as in production.
        for (ServiceProcess service : List.of(rectification, console)) {
            service.with("MP_JWT_VERIFY_PUBLICKEY_LOCATION", realm + "/protocol/openid-connect/certs")
                    .with("MP_JWT_VERIFY_ISSUER", realm);
        }
        rectification.launch();
        console.with("HCP_OIDC_ENABLED", "true").with("HCP_OIDC_URL", realm)
                .with("HCP_OIDC_STATE_SECRET", "test-only-state-secret-" + UUID.randomUUID())
                .with("HCP_RECTIFICATION_URL", rectification.url("")).launch();
        rectification.awaitReady(Duration.ofSeconds(180));
        console.awaitReady(Duration.ofSeconds(180));
        chromium = HeadlessChromium.start(1280, 900);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (chromium != null) {
            chromium.close();
        }
        for (ServiceProcess service : new ServiceProcess[] {console, rectification}) {
            if (service != null) {
                service.stop();
            }
        }
        if (keycloak != null) {
            keycloak.descendants().forEach(ProcessHandle::destroy);
            keycloak.destroy();
            keycloak.waitFor();
        }
    }

    @Test
    void aHandlerSignsInOnTheIdentityProvidersPageWithPkceAndWorksWithItsToken() throws Exception {
        chromium.browser.get(console.url("/console/"));
        HeadlessChromium.until("the page", () -> chromium.browser.findElement(By.id("idp")).isDisplayed());
        assertTrue(!chromium.browser.findElement(By.id("paste")).isDisplayed(), "no token to paste");
        chromium.screenshot("idp-01-console-sign-in");
        chromium.browser.findElement(By.id("idp-sign-in")).click();

        // Keycloak's own page, reached with a PKCE challenge (S256) the console made.
        HeadlessChromium.until("the page", () -> !chromium.browser.findElements(By.id("kc-login")).isEmpty());
        String authorize = chromium.browser.getCurrentUrl();
        assertTrue(authorize.startsWith("http://127.0.0.1:" + keycloakPort + "/realms/hcp/")
                && authorize.contains("code_challenge=") && authorize.contains("code_challenge_method=S256")
                && authorize.contains("client_id=hcp-console"), authorize);
        chromium.screenshot("idp-02-keycloak-login");
        chromium.browser.findElement(By.id("username")).sendKeys("cy-handler");
        chromium.browser.findElement(By.id("password")).sendKeys("test-only-password");
        chromium.browser.findElement(By.id("kc-login")).click();

        // Back on the console (through the console's /console/sign-in), signed in as the realm says: its task list,
        // read with the provider's token.
        HeadlessChromium.until("the page", () -> chromium.browser.getCurrentUrl().startsWith(console.url("/console/"))
                && !chromium.browser.getCurrentUrl().contains("/console/sign-in"));
        String tasks = chromium.awaitView("tasks");
        assertTrue(tasks.contains("待办整改"), tasks);
        assertTrue(chromium.browser.findElement(By.id("scope")).getText().contains("办理单位"),
                chromium.browser.findElement(By.id("scope")).getText());
        assertTrue(!chromium.browser.getCurrentUrl().contains("token="), "the token leaves the address bar");
        chromium.screenshot("idp-03-signed-in");
        String token = (String) ((JavascriptExecutor) chromium.browser)
                .executeScript("return sessionStorage.getItem('hcp-console-token')");
        JsonNode claims = EventJson.mapper().readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertEquals("http://127.0.0.1:" + keycloakPort + "/realms/hcp", claims.path("iss").asText());
        assertEquals("JL-CY-CENTRE", claims.path("hcp_scope").asText());
        assertTrue(claims.path("groups").toString().contains("\"handler\""), claims.toString());
        assertEquals(200, rectification.call(token, "GET", "/api/v1/rectifications", null).statusCode());
        // The development key means nothing to a service that trusts the provider.
        assertEquals(401, rectification.call(DevTokens.mint("handler", "JL-CY-CENTRE", Duration.ofHours(1)), "GET",
                "/api/v1/rectifications", null).statusCode());
    }

    /** HCP_KEYCLOAK_JAVA_HOME, the running Java if it is new enough, or the newest JDK under /usr/lib/jvm. */
    private static Optional<Path> java21OrNewer() throws IOException {
        String configured = System.getenv("HCP_KEYCLOAK_JAVA_HOME");
        if (configured != null) {
            return Optional.of(Path.of(configured));
        }
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")))
                    .filter(h -> h.getFileName().toString().matches(".*-(2[1-9]|[3-9][0-9])(-.*)?"))
                    .max(Comparator.comparing(Path::toString));
        }
    }

    /** The distribution Maven fetched (system-tests/pom.xml), unpacked once into target/. */
    private static Path unpackKeycloak() throws IOException {
        Path zip = Path.of(System.getProperty("hcp.keycloak.zip"));
        Path into = Path.of("target", "keycloak").toAbsolutePath();
        Path done = into.resolve(".unpacked-" + zip.getFileName());
        if (!Files.exists(done)) {
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    Path target = into.resolve(entry.getName()).normalize();
                    if (!target.startsWith(into)) {
                        throw new IOException("entry outside the distribution: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.createFile(done);
        }
        try (Stream<Path> homes = Files.list(into)) {
            return homes.filter(p -> Files.exists(p.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IOException("no bin/kc.sh in " + zip));
        }
    }

    /** The reference realm, with this console's address and one handling unit to sign in as. */
    private static void writeRealm(Path home, String redirect) throws IOException {
        ObjectNode realm = (ObjectNode) EventJson.mapper().readTree(
                Path.of(System.getProperty("hcp.root", "..")).resolve("docs/keycloak/hcp-realm.json").toFile());
        ((ArrayNode) realm.path("clients").get(0).path("redirectUris")).removeAll().add(redirect);
        ObjectNode user = realm.putArray("users").addObject();
        user.put("username", "cy-handler").put("enabled", true).put("email", "cy-handler@example.org")
                .put("emailVerified", true).put("firstName", "昌邑").put("lastName", "办理人员");
        user.putObject("attributes").putArray("hcp_scope").add("JL-CY-CENTRE");
        user.putArray("realmRoles").add("handler");
        user.putArray("credentials").addObject().put("type", "password").put("value", "test-only-password")
                .put("temporary", false);
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        // A fresh realm each run: Keycloak's development database keeps an imported realm as it was.
        deleteTree(home.resolve("data/h2"));
        Files.writeString(imports.resolve("hcp-realm.json"), realm.toString());
    }

    private static Process startKeycloak(Path home, Path java) throws IOException {
        Path log = Path.of("target", "system-tests", "keycloak-" + keycloakPort + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + keycloakPort, "--import-realm",
                "--http-management-port=" + LocalStack.freePort())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", java.toString());
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "test-only-" + UUID.randomUUID());
        return builder.start();
    }

    private static void awaitKeycloak(String discovery) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + keycloak.exitValue()
                        + "; see target/system-tests/keycloak-" + keycloakPort + ".log");
            }
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(discovery))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not answer within 240 s");
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
