package org.hcp.kit.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.kit.db.Transactions;

/** Appends events to the outbox inside the caller's transaction; the relay publishes them after commit. */
public final class Outbox {

    private static final String INSERT = "INSERT INTO outbox (event_id, topic, event_key, event_type, envelope) "
            + "VALUES ($1, $2, $3, $4, $5)";

    /**
     * The largest event the outbox takes, in UTF-8 bytes: under the broker's default record limit (1 MiB,
     * {@code message.max.bytes}) with room for headers. A larger one could never be published, and would stall the
     * relay and every later event behind it, so it is refused here, in the transaction that would add it.
     */
    public static final int MAX_EVENT_BYTES = 900 * 1024;

    /** An event the broker would never take: the caller's transaction must roll back (nothing is half-applied). */
    public static final class EventTooLarge extends IllegalArgumentException {
        public final String eventType;
        public final int bytes;

        EventTooLarge(String eventType, int bytes) {
            super(eventType + " would be " + bytes + " bytes; the log takes " + MAX_EVENT_BYTES + " at most");
            this.eventType = eventType;
            this.bytes = bytes;
        }
    }

    private Outbox() {
    }

    public static void append(SqlConnection tx, String topic, EventEnvelope<?> event) {
        Transactions.update(tx, INSERT, row(topic, event));
    }

    /** As {@link #append}, for a reactive chain: every event in one pipelined batch; nothing when there are none. */
    public static Uni<Void> appendAll(SqlConnection tx, String topic, List<? extends EventEnvelope<?>> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(INSERT).executeBatch(events.stream().map(e -> row(topic, e)).toList())
                .replaceWithVoid();
    }

    /**
     * Waits until the relay has published every event of {@code topic} still in the outbox, polling from the caller's
     * transaction (a rebuild holds its writers' lock there, so nothing new is added meanwhile); false when
     * {@code within} passed first or the thread was interrupted.
     */
    public static boolean awaitDrained(SqlConnection tx, String topic, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (Transactions.query(tx, "SELECT count(*) AS n FROM outbox WHERE topic = $1", Tuple.of(topic)).get(0)
                .getLong("n") > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static Tuple row(String topic, EventEnvelope<?> event) {
        String envelope = EventJson.write(event);
        // A UTF-8 byte is at most 3 per char of the String; only a long envelope needs counting exactly.
        if (envelope.length() * 3L > MAX_EVENT_BYTES) {
            int bytes = envelope.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_EVENT_BYTES) {
                throw new EventTooLarge(event.type(), bytes);
            }
        }
        return Tuple.of(event.eventId(), topic, event.key(), event.type(), envelope);
    }
}
