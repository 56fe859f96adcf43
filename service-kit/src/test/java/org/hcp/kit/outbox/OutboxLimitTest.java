package org.hcp.kit.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hcp.events.DirectoryEntryRecorded;
import org.hcp.events.DirectoryKind;
import org.hcp.events.EventEnvelope;
import org.hcp.events.Topics;
import org.hcp.kit.db.Transactions;
import org.hcp.localstack.LocalStack;
import org.hcp.localstack.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, 1: an event the broker would never take is refused when it is appended, and its whole transaction rolls
 * back; before, a 1.2 MB directory attribute was committed to the outbox and stalled the relay for good (real
 * PostgreSQL, the outbox's own migration).
 */
class OutboxLimitTest {

    private static Vertx vertx;
    private static Pool pool;

    @BeforeAll
    static void outboxTable() throws Exception {
        PostgresServer postgres = LocalStack.shared().postgres();
        postgres.createDatabases("outbox_limit");
        String migration;
        try (InputStream in = OutboxLimitTest.class.getResourceAsStream("/db/outbox/V0_1__outbox.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = postgres.connect("outbox_limit"); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS outbox");
            s.execute(migration);
        }
        vertx = Vertx.vertx();
        pool = Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
                .connectingTo(PgConnectOptions.fromUri(postgres.reactiveUrl("outbox_limit"))
                        .setUser(PostgresServer.USER).setPassword(PostgresServer.PASSWORD))
                .using(vertx.getDelegate()).build());
    }

    @AfterAll
    static void close() {
        pool.closeAndAwait();
        vertx.closeAndAwait();
    }

    private static EventEnvelope<DirectoryEntryRecorded> entry(String code, String attribute) {
        Instant now = Instant.parse("2026-12-04T08:00:00Z");
        return EventEnvelope.of(new DirectoryEntryRecorded(DirectoryKind.INSTITUTION, code, 1, "吉林市政务服务中心",
                "220200", null, Map.of("note", attribute), true, now), DirectoryEntryRecorded.key(
                DirectoryKind.INSTITUTION, code), "220200", now, now, null, null, "test");
    }

    private static long rows() {
        return Transactions.query(pool, "SELECT count(*) AS n FROM outbox", Tuple.tuple()).get(0).getLong("n");
    }

    @Test
    void anEventOverTheLogsRecordLimitIsRefusedAndNothingOfItsTransactionStays() {
        long before = rows();
        Outbox.EventTooLarge refused = assertThrows(Outbox.EventTooLarge.class, () -> Transactions.inTransaction(
                pool, tx -> {
                    Outbox.append(tx, Topics.DIRECTORY, entry("SMALL-1", "fine"));
                    Outbox.append(tx, Topics.DIRECTORY, entry("HUGE-1", "长".repeat(400_000)));
                    return null;
                }));
        assertEquals("DirectoryEntryRecorded", refused.eventType);
        assertEquals(before, rows(), "the small event of the same transaction rolled back with it");
    }

    @Test
    void aBatchAppendRefusesTheSameWay() {
        long before = rows();
        assertThrows(Outbox.EventTooLarge.class, () -> Transactions.await(Transactions.chain(pool, tx ->
                Outbox.appendAll(tx, Topics.DIRECTORY, List.of(entry("SMALL-2", "fine"),
                        entry("HUGE-2", "x".repeat(Outbox.MAX_EVENT_BYTES)))))));
        assertEquals(before, rows());
    }

    @Test
    void anEventJustUnderTheLimitIsTaken() {
        long before = rows();
        Transactions.inTransaction(pool, tx -> {
            Outbox.append(tx, Topics.DIRECTORY, entry("BIG-1", "x".repeat(Outbox.MAX_EVENT_BYTES - 2_000)));
            return null;
        });
        assertEquals(before + 1, rows());
    }
}
