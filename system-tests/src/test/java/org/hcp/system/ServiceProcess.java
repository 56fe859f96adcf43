package org.hcp.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hcp.localstack.LocalStack;
import org.hcp.localstack.PostgresServer;

/** One packaged service (target/quarkus-app) run as its own process, as ./hcp up and a container would run it. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    /** The management interface's port: health, metrics, the OpenAPI document (docs/security.md). */
    final int managementPort;
    private final Path jar;
    private final Path log;
    private final Map<String, String> env = new HashMap<>();
    private Process process;

    ServiceProcess(String module, String database, LocalStack stack) {
        this.name = module;
        this.port = LocalStack.freePort();
        this.managementPort = LocalStack.freePort();
        Path root = Path.of(System.getProperty("hcp.root", ".."));
        this.jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        this.log = Path.of("target", "system-tests", module + "-" + port + ".log").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./hcp test runs mvn verify)");
        }
        env.put("HTTP_PORT", Integer.toString(port));
        env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafka().bootstrapServers());
        if (database != null) { // the console and audit-service keep no database
            env.put("DB_REACTIVE_URL", stack.postgres().reactiveUrl(database));
            env.put("DB_JDBC_URL", stack.postgres().jdbcUrl(database));
            env.put("DB_USER", PostgresServer.USER);
            env.put("DB_PASSWORD", PostgresServer.PASSWORD);
        }
        // As ./hcp up: the development keys are accepted only outside the prod profile (ProductionSecrets).
        env.put("QUARKUS_PROFILE", "local");
    }

    ServiceProcess with(String variable, String value) {
        env.put(variable, value);
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A JSON request with a bearer token; {@code body} null sends none. */
    HttpResponse<String> call(String token, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** intake's demo directory (local-stack's demo/directory.csv), imported as an admin: names for the cases. */
    void importDemoDirectory() throws IOException, InterruptedException {
        try (java.io.InputStream in = ServiceProcess.class.getResourceAsStream("/demo/directory.csv")) {
            HttpResponse<String> imported = HTTP.send(HttpRequest.newBuilder(URI.create(url(
                            "/api/v1/directory/import"))).header("Authorization", "Bearer "
                            + org.hcp.localstack.DevTokens.mint("admin", null, Duration.ofMinutes(10)))
                    .header("Content-Type", "text/csv; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (imported.statusCode() != 200) {
                throw new IllegalStateException("the demo directory was refused: " + imported.body());
            }
        }
    }

    /** Starts the process and waits until it reports ready. */
    ServiceProcess start() {
        launch();
        awaitReady(Duration.ofSeconds(120));
        return this;
    }

    /** Starts the process without waiting for it. */
    ServiceProcess launch() {
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                    jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** What the process has written so far. */
    String log() throws IOException {
        return Files.readString(log);
    }

    /** Stops (SIGSTOP) or resumes (SIGCONT) the process: a service that falls behind, then catches up. */
    void signal(String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " answered " + exit);
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " did not exit within " + timeout);
        }
        return process.exitValue();
    }

    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** SIGTERM, as ./hcp down and a container runtime stop a service. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
