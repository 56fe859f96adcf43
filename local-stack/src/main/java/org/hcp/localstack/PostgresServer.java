package org.hcp.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (zonky's embedded binaries from Maven Central), one database per service.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final Path dataDir;
    private final Path workDir;
    private final int port;
    private final boolean clean;
    private EmbeddedPostgres postgres;

    /**
     * @param clean true to start from an empty data directory (tests), false to keep data between starts (hcp up)
     */
    public PostgresServer(Path dataDir, Path workDir, int port, boolean clean) {
        this.dataDir = dataDir;
        this.workDir = workDir;
        this.port = port;
        this.clean = clean;
    }

    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(workDir);
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setServerConfig("max_connections", "200")
                    // A 202 means the rating is on disk: a commit returns once its WAL is flushed. zonky's
                    // embedded server turns this off by default.
                    .setServerConfig("synchronous_commit", "on")
                    // Test databases are thrown away after the run: an OS crash loses nothing that matters there.
                    .setServerConfig("fsync", clean ? "off" : "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database;
    }

    public void createDatabases(String... names) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (String name : names) {
                if (!name.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("bad database name " + name);
                }
                try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    exists.setString(1, name);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create databases", e);
        }
    }

    /** A plain JDBC connection, for tests that look at what a service wrote. */
    /** A JDBC connection by port, so it also works where this JVM attached to a server it did not start. */
    public Connection connect(String database) throws SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }
}
