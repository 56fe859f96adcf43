package org.hcp.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.hcp.localstack.LocalStack;
import org.hcp.localstack.PostgresServer;

/**
 * Gives a {@code @QuarkusTest} the real Kafka and PostgreSQL of {@link LocalStack#shared()}.
 * Init arg {@code database}: the service's database.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "intake";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        LocalStack stack = LocalStack.shared();
        PostgresServer postgres = stack.postgres();
        return Map.of(
                "kafka.bootstrap.servers", stack.kafka().bootstrapServers(),
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        // The stack lives as long as the test JVM: several test classes share it.
    }
}
