package org.hcp.kit.db;

import io.smallrye.mutiny.Uni;
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
 * Transactions over the reactive pool, in the two styles of docs/architecture.md ("The database"): reactive chains
 * for the hot commands ({@link #chain}), and sequential code on a worker thread for background loops and low-volume
 * commands ({@link #inTransaction}). This is the one class that waits on the database.
 */
public final class Transactions {

    private static final Duration CONNECT = Duration.ofSeconds(10);

    private Transactions() {
    }

    /**
     * Runs {@code work} in one transaction as a reactive chain: committed when its {@code Uni} succeeds, rolled back
     * when it fails; nothing waits. Statements {@code work} sends without waiting for each other are pipelined on the
     * connection (one round trip for several).
     */
    public static <T> Uni<T> chain(Pool pool, Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /**
     * For the rest of the transaction, prepared statements run their cached generic plan instead of being planned
     * again for each execution. PostgreSQL re-plans a statement with an array parameter ({@code = ANY($1)},
     * {@code unnest($1)}) every time, as its generic plan's estimate for an unknown array looks dearer, though the
     * plan it makes is the same: intake's case lock spent 0.25 ms planning for 0.06 ms of execution, and with generic
     * plans its database used half the CPU per rating (docs/performance.md). Send it first, pipelined with the
     * transaction's first statements. Only for statements that go by key: a generic plan cannot use a parameter's
     * value ({@code LIKE $1 || '%'}, {@code $1 IS NULL OR ...}), so it is not a setting for a whole database.
     */
    public static Uni<Void> genericPlans(SqlConnection tx) {
        return tx.query("SET LOCAL plan_cache_mode = force_generic_plan").execute().replaceWithVoid();
    }

    /**
     * Sequential code (a worker thread, never the event loop) that calls a reactive use case waits here for its
     * answer; the chain itself still runs on the event loop.
     */
    public static <T> T await(Uni<T> answer) {
        return answer.await().indefinitely();
    }

    /** As {@link #await(Uni)}, giving up after {@code atMost} (a connection that may never come). */
    public static <T> T await(Uni<T> answer, java.time.Duration atMost) {
        return answer.await().atMost(atMost);
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
