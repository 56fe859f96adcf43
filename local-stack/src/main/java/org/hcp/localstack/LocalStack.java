package org.hcp.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.hcp.events.Topics;

/**
 * Kafka and PostgreSQL together, with the services' databases and the topics created: what every test and
 * {@code ./hcp up} stand on.
 */
public final class LocalStack implements AutoCloseable {

    /** One database per service (docs/architecture.md: a service never reads another's tables). */
    public static final String[] DATABASES = {"intake", "reporting", "rectification", "appeal", "sync"};

    public static final int PARTITIONS = 3;

    private static LocalStack shared;

    private final KafkaBroker kafka;
    private final PostgresServer postgres;

    public LocalStack(Path dir, int kafkaPort, int kafkaControllerPort, int postgresPort, boolean clean) {
        this.kafka = new KafkaBroker(dir.resolve("kafka"), kafkaPort, kafkaControllerPort);
        this.postgres = new PostgresServer(dir.resolve("postgres"), dir.resolve("postgres-work"), postgresPort, clean);
    }

    /** Where the running shared stack of this JVM is: "dir,kafkaPort,controllerPort,postgresPort". */
    private static final String SHARED_PROPERTY = "hcp.local-stack.shared";

    /**
     * The stack of this JVM's tests: started once, on free ports, in a fresh directory under target/. A Quarkus test
     * profile restarts the application in a new class loader, where this class starts afresh: it then attaches to
     * the stack already running (named by a JVM-wide system property) instead of starting a second one.
     */
    public static synchronized LocalStack shared() {
        if (shared == null) {
            String running = System.getProperty(SHARED_PROPERTY);
            if (running != null) {
                String[] at = running.split(",");
                shared = new LocalStack(Path.of(at[0]), Integer.parseInt(at[1]), Integer.parseInt(at[2]),
                        Integer.parseInt(at[3]), true);
                return shared;
            }
            Path dir = Path.of("target", "local-stack", Long.toString(ProcessHandle.current().pid())).toAbsolutePath();
            int kafkaPort = freePort();
            int controllerPort = freePort();
            int postgresPort = freePort();
            LocalStack stack = new LocalStack(dir, kafkaPort, controllerPort, postgresPort, true);
            stack.start();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
            System.setProperty(SHARED_PROPERTY, dir + "," + kafkaPort + "," + controllerPort + "," + postgresPort);
            shared = stack;
        }
        return shared;
    }

    public void start() {
        postgres.start();
        postgres.createDatabases(DATABASES);
        kafka.start();
        kafka.createTopics(PARTITIONS, Topics.ALL);
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.stop();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
