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
    public static final String[] DATABASES = {"intake", "reporting", "rectification", "appeal"};

    public static final int PARTITIONS = 3;

    private static LocalStack shared;

    private final KafkaBroker kafka;
    private final PostgresServer postgres;

    public LocalStack(Path dir, int kafkaPort, int kafkaControllerPort, int postgresPort, boolean clean) {
        this.kafka = new KafkaBroker(dir.resolve("kafka"), kafkaPort, kafkaControllerPort);
        this.postgres = new PostgresServer(dir.resolve("postgres"), dir.resolve("postgres-work"), postgresPort, clean);
    }

    /** The stack of this JVM's tests: started once, on free ports, in a fresh directory under target/. */
    public static synchronized LocalStack shared() {
        if (shared == null) {
            Path dir = Path.of("target", "local-stack", Long.toString(ProcessHandle.current().pid())).toAbsolutePath();
            LocalStack stack = new LocalStack(dir, freePort(), freePort(), freePort(), true);
            stack.start();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
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
