package org.hcp.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hcp.localstack.LocalStack;

/**
 * The packaged console in front of intake, rectification, appeal and reporting on the shared Kafka and PostgreSQL,
 * for a browser test of the console (ConsoleBrowserTest, WorkbenchBrowserTest). Each test class starts its own and
 * stops it when done: a reporting-service left running would share the consumer group of the next class's own (the
 * crash test of SpineSystemTest waited for a rating another member had taken).
 */
final class ConsoleStack implements AutoCloseable {

    final ServiceProcess intake;
    final ServiceProcess rectification;
    final ServiceProcess appeal;
    final ServiceProcess reporting;
    final ServiceProcess console;

    private ConsoleStack(LocalStack stack) {
        intake = new ServiceProcess("intake-service", "intake", stack).launch();
        rectification = new ServiceProcess("rectification-service", "rectification", stack).launch();
        appeal = new ServiceProcess("appeal-service", "appeal", stack).launch();
        // The tests write ratings themselves, as no producer with a watermark: the cut-off is the publication.
        reporting = new ServiceProcess("reporting-service", "reporting", stack)
                .with("HCP_BULLETIN_AWAIT_WATERMARKS", "false").launch();
        Path root = Path.of(System.getProperty("hcp.root", "..")).toAbsolutePath().normalize();
        // As ./hcp up: the development sign-in, with the committed development key.
        console = new ServiceProcess("console", null, stack)
                .with("HCP_INTAKE_URL", intake.url(""))
                .with("HCP_REPORTING_URL", reporting.url(""))
                .with("HCP_RECTIFICATION_URL", rectification.url(""))
                .with("HCP_APPEAL_URL", appeal.url(""))
                .with("HCP_CONSOLE_DEV_SIGN_IN_KEY_FILE",
                        root.resolve("local-stack/src/main/resources/dev-keys/jwt-private.pem").toString())
                .launch();
    }

    static ConsoleStack start() {
        ConsoleStack started = new ConsoleStack(LocalStack.shared());
        for (ServiceProcess service : started.all()) {
            service.awaitReady(Duration.ofSeconds(180));
        }
        return started;
    }

    private List<ServiceProcess> all() {
        return List.of(intake, rectification, appeal, reporting, console);
    }

    /** The services before the broker (LocalStack's own hook): their shutdown waits on Kafka otherwise. */
    @Override
    public void close() {
        for (ServiceProcess service : List.of(console, reporting, rectification, appeal, intake)) {
            service.stop();
        }
    }
}
