package org.hcp.kit.db;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Blocking transactions over the reactive pool, for code that runs on a worker thread (REST methods that return a
 * plain value, scheduled work). Use cases read top to bottom this way; the pool and its batching stay the same.
 */
public final class Transactions {

    private static final Duration CONNECT = Duration.ofSeconds(10);

    private Transactions() {
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public static <T> T inTransaction(Pool pool, Function<SqlConnection, T> work) {
        SqlConnection connection = pool.getConnection().await().atMost(CONNECT);
        try {
            Transaction tx = connection.begin().await().indefinitely();
            T result;
            try {
                result = work.apply(connection);
            } catch (RuntimeException | Error e) {
                try {
                    tx.rollback().await().indefinitely();
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
            tx.commit().await().indefinitely();
            return result;
        } finally {
            connection.close().await().indefinitely();
        }
    }

    public static List<Row> query(SqlConnection connection, String sql, Tuple parameters) {
        List<Row> rows = new ArrayList<>();
        connection.preparedQuery(sql).execute(parameters).await().indefinitely().forEach(rows::add);
        return rows;
    }

    public static List<Row> query(Pool pool, String sql, Tuple parameters) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(parameters).await().indefinitely().forEach(rows::add);
        return rows;
    }

    public static int update(SqlConnection connection, String sql, Tuple parameters) {
        return connection.preparedQuery(sql).execute(parameters).await().indefinitely().rowCount();
    }

    /** One statement for many rows, sent as one pipelined batch; nothing when {@code rows} is empty. */
    public static void batch(SqlConnection connection, String sql, List<Tuple> rows) {
        if (!rows.isEmpty()) {
            connection.preparedQuery(sql).executeBatch(rows).await().indefinitely();
        }
    }
}
