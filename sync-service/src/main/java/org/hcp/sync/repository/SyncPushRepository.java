package org.hcp.sync.repository;

import static org.hcp.kit.db.Transactions.query;
import static org.hcp.kit.db.Transactions.update;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hcp.kit.db.Transactions;

/** The push's batches and cursor (V6__sync_push.sql): each change one statement, so each is atomic on its own. */
@ApplicationScoped
public class SyncPushRepository {

    private final Pool pool;

    public SyncPushRepository(Pool pool) {
        this.pool = pool;
    }

    public record Batch(String batchId, String province, long seq, String cursorTo, int records, String params,
            String status, int attempts, String lastError, Instant nextAttemptAt, Instant createdAt,
            Instant acknowledgedAt, Integer acknowledgedRecords) {
    }

    /** The oldest batch the province has not acknowledged: the only one that may be sent (order holds). */
    public Optional<Batch> head(String province) {
        return query(pool, "SELECT * FROM sync_push_batch WHERE province = $1 AND status <> 'ACKNOWLEDGED' "
                + "ORDER BY seq LIMIT 1", Tuple.of(province)).stream().findFirst().map(SyncPushRepository::batch);
    }

    /** Takes the head for one attempt until {@code leaseUntil}: of several replicas, one sends it. */
    public boolean lease(Batch batch, Instant now, Instant leaseUntil) {
        return Transactions.inTransaction(pool, tx -> update(tx, "UPDATE sync_push_batch SET next_attempt_at = $3 "
                        + "WHERE batch_id = $1 AND status <> 'ACKNOWLEDGED' AND next_attempt_at = $2 "
                        + "AND next_attempt_at <= $4",
                Tuple.of(batch.batchId(), utc(batch.nextAttemptAt()), utc(leaseUntil), utc(now)))) == 1;
    }

    public String cursor(String province) {
        return query(pool, "SELECT cursor FROM sync_push_cursor WHERE province = $1", Tuple.of(province)).stream()
                .findFirst().map(r -> r.getString("cursor")).orElse(null);
    }

    /**
     * Records the next batch, built from {@code cursorFrom}, unless the cursor moved meanwhile (another replica): answers
     * whether it was recorded.
     */
    public boolean add(String province, String cursorFrom, String cursorTo, int records, String params,
            List<String> recordKeys, Instant now) {
        return Transactions.inTransaction(pool, tx -> {
            List<Row> cursor = query(tx, "SELECT cursor FROM sync_push_cursor WHERE province = $1 FOR UPDATE",
                    Tuple.of(province));
            String current = cursor.isEmpty() ? null : cursor.get(0).getString("cursor");
            boolean open = !query(tx, "SELECT 1 FROM sync_push_batch WHERE province = $1 AND status <> 'ACKNOWLEDGED'",
                    Tuple.of(province)).isEmpty();
            if (open || !java.util.Objects.equals(current, cursorFrom)) {
                return false;
            }
            long seq = query(tx, "SELECT coalesce(max(seq), 0) + 1 AS seq FROM sync_push_batch WHERE province = $1",
                    Tuple.of(province)).get(0).getLong("seq");
            update(tx, "INSERT INTO sync_push_batch (batch_id, province, seq, cursor_from, cursor_to, records, params, "
                    + "status, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'PENDING', $8, $8)",
                    Tuple.from(Arrays.asList(province + "-" + String.format("%08d", seq), province, seq, cursorFrom,
                            cursorTo, records, params, utc(now))));
            update(tx, "INSERT INTO sync_push_sent (province, record_key, batch_id) "
                    + "SELECT $1, k, $3 FROM unnest($2::text[]) AS k ON CONFLICT DO NOTHING",
                    Tuple.of(province, recordKeys.toArray(String[]::new), province + "-" + String.format("%08d", seq)));
            return true;
        });
    }

    /** Those of {@code recordKeys} already put in a batch for the province (a record the log holds twice). */
    public java.util.Set<String> alreadySent(String province, List<String> recordKeys) {
        java.util.Set<String> sent = new java.util.HashSet<>();
        if (recordKeys.isEmpty()) {
            return sent;
        }
        for (Row r : query(pool, "SELECT record_key FROM sync_push_sent WHERE province = $1 AND record_key = ANY($2)",
                Tuple.of(province, recordKeys.toArray(String[]::new)))) {
            sent.add(r.getString("record_key"));
        }
        return sent;
    }

    /** A page with nothing for the province still moves its cursor on, when no batch is open. */
    public void skipTo(String province, String cursorTo) {
        Transactions.inTransaction(pool, tx -> {
            boolean open = !query(tx, "SELECT 1 FROM sync_push_batch WHERE province = $1 AND status <> 'ACKNOWLEDGED'",
                    Tuple.of(province)).isEmpty();
            if (!open) {
                moveCursor(tx, province, cursorTo);
            }
            return null;
        });
    }

    /** The province acknowledged the batch: it is done and the cursor moves past it, in one transaction. */
    public void acknowledged(Batch batch, int acceptedRecords, Instant now) {
        Transactions.inTransaction(pool, tx -> {
            int changed = update(tx, "UPDATE sync_push_batch SET status = 'ACKNOWLEDGED', acknowledged_at = $2, "
                    + "acknowledged_records = $3, attempts = attempts + 1, last_error = NULL WHERE batch_id = $1 "
                    + "AND status <> 'ACKNOWLEDGED'", Tuple.of(batch.batchId(), utc(now), acceptedRecords));
            if (changed == 1) {
                moveCursor(tx, batch.province(), batch.cursorTo());
            }
            return null;
        });
    }

    /** A failed attempt: tried again at {@code retryAt}, parked once it has failed {@code maxAttempts} times. */
    public void failed(Batch batch, String error, Instant retryAt, Instant parkedRetryAt, int maxAttempts) {
        Transactions.inTransaction(pool, tx -> update(tx, "UPDATE sync_push_batch SET attempts = attempts + 1, "
                + "last_error = $2, status = CASE WHEN attempts + 1 >= $5 THEN 'PARKED' ELSE 'PENDING' END, "
                + "next_attempt_at = CASE WHEN attempts + 1 >= $5 THEN $4::timestamptz ELSE $3::timestamptz END "
                + "WHERE batch_id = $1 AND status <> 'ACKNOWLEDGED'",
                Tuple.of(batch.batchId(), error, utc(retryAt), utc(parkedRetryAt), maxAttempts)));
    }

    /** An operator sends a parked batch again now (its attempts start over). */
    public boolean retry(String batchId, Instant now) {
        return Transactions.inTransaction(pool, tx -> update(tx, "UPDATE sync_push_batch SET status = 'PENDING', "
                + "attempts = 0, next_attempt_at = $2 WHERE batch_id = $1 AND status = 'PARKED'",
                Tuple.of(batchId, utc(now)))) == 1;
    }

    public List<Batch> list(String status, int page, int size) {
        List<Batch> out = new ArrayList<>();
        for (Row r : query(pool, "SELECT * FROM sync_push_batch WHERE ($1::text IS NULL OR status = $1) "
                + "ORDER BY province, seq DESC LIMIT $2 OFFSET $3", Tuple.of(status, size, page * size))) {
            out.add(batch(r));
        }
        return out;
    }

    /**
     * R5.2 reconciliation, per day (China time), province and county (the rating's {@code areaCode}): ratings sent,
     * ratings in batches the province acknowledged, and ratings still in an open or a parked batch.
     */
    public record DayLine(LocalDate day, String province, String region, long ratingsSent, long ratingsAcknowledged,
            long ratingsOpen, long ratingsParked) {
    }

    public List<DayLine> reconciliation(LocalDate from, LocalDate to, ZoneId zone) {
        List<DayLine> out = new ArrayList<>();
        for (Row r : query(pool, """
                SELECT (b.created_at AT TIME ZONE $3)::date AS day, b.province, left(e ->> 'areaCode', 6) AS region,
                       count(*) AS sent,
                       count(*) FILTER (WHERE b.status = 'ACKNOWLEDGED') AS acknowledged,
                       count(*) FILTER (WHERE b.status = 'PENDING') AS open,
                       count(*) FILTER (WHERE b.status = 'PARKED') AS parked
                FROM sync_push_batch b, jsonb_array_elements(b.params::jsonb -> 'evaluate') e
                WHERE (b.created_at AT TIME ZONE $3)::date BETWEEN $1 AND $2
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""", Tuple.of(from, to, zone.getId()))) {
            out.add(new DayLine(r.getLocalDate("day"), r.getString("province"), r.getString("region"),
                    r.getLong("sent"), r.getLong("acknowledged"), r.getLong("open"), r.getLong("parked")));
        }
        return out;
    }

    private static void moveCursor(io.vertx.mutiny.sqlclient.SqlConnection tx, String province, String to) {
        update(tx, "INSERT INTO sync_push_cursor (province, cursor) VALUES ($1, $2) "
                + "ON CONFLICT (province) DO UPDATE SET cursor = excluded.cursor", Tuple.of(province, to));
    }

    private static Batch batch(Row r) {
        return new Batch(r.getString("batch_id"), r.getString("province"), r.getLong("seq"), r.getString("cursor_to"),
                r.getInteger("records"), r.getString("params"), r.getString("status"), r.getInteger("attempts"),
                r.getString("last_error"), instant(r, "next_attempt_at"), instant(r, "created_at"),
                instant(r, "acknowledged_at"), r.getInteger("acknowledged_records"));
    }

    private static Instant instant(Row r, String column) {
        var value = r.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static java.time.OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
