package org.hcp.kit.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.sql.Connection;
import java.sql.Statement;
import org.hcp.localstack.LocalStack;
import org.hcp.localstack.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * {@link Transactions#genericPlans}: a prepared statement with an array parameter, which PostgreSQL otherwise plans
 * again at every execution, runs its cached generic plan for the rest of the transaction (real PostgreSQL).
 */
class GenericPlansTest {

    private static final String BY_KEYS = "SELECT id FROM keyed WHERE id = ANY($1)";

    @Test
    void anArrayLookupIsPlannedOnceNotAtEveryExecution() throws Exception {
        PostgresServer postgres = LocalStack.shared().postgres();
        postgres.createDatabases("generic_plans");
        try (Connection c = postgres.connect("generic_plans"); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS keyed");
            s.execute("CREATE TABLE keyed (id text PRIMARY KEY)");
            s.execute("INSERT INTO keyed SELECT 'k' || n FROM generate_series(1, 10000) n");
            s.execute("ANALYZE keyed");
        }
        Vertx vertx = Vertx.vertx();
        PgConnectOptions connect = PgConnectOptions.fromUri(postgres.reactiveUrl("generic_plans"))
                .setUser(PostgresServer.USER).setPassword(PostgresServer.PASSWORD).setCachePreparedStatements(true);
        Pool pool = Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(connect)
                .using(vertx.getDelegate()).build());
        try {
            Transactions.query(pool, "SELECT 1", Tuple.tuple());
            int[] asBefore = plans(pool, false);
            assertEquals(0, asBefore[0], "PostgreSQL's own choice: no generic plan for an array parameter");
            assertTrue(asBefore[1] >= 8, "planned at every execution: " + asBefore[1]);

            int[] generic = plans(pool, true);
            assertTrue(generic[0] >= 8, "the generic plan at every execution: " + generic[0]);
            assertEquals(asBefore[1], generic[1], "no custom plan made any more");
        } finally {
            pool.closeAndAwait();
            vertx.closeAndAwait();
        }
    }

    /** Runs the lookup 8 times in one transaction; answers the statement's {generic, custom} plan counts since. */
    private static int[] plans(Pool pool, boolean generic) {
        return Transactions.await(Transactions.chain(pool, tx -> (generic ? Transactions.genericPlans(tx)
                : io.smallrye.mutiny.Uni.createFrom().voidItem()).chain(() -> lookUp(tx, 8)).chain(() -> tx
                .query("SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = '"
                        + BY_KEYS.replace("'", "''") + "'").execute())
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new int[] {(int) row.getLong("generic_plans").longValue(),
                            (int) row.getLong("custom_plans").longValue()};
                })));
    }

    private static io.smallrye.mutiny.Uni<Void> lookUp(SqlConnection tx, int times) {
        io.smallrye.mutiny.Uni<Void> chain = io.smallrye.mutiny.Uni.createFrom().voidItem();
        for (int i = 0; i < times; i++) {
            String[] keys = {"k" + (i + 1), "k" + (i + 100)};
            chain = chain.chain(() -> tx.preparedQuery(BY_KEYS).execute(Tuple.of(keys)).replaceWithVoid());
        }
        return chain;
    }
}
