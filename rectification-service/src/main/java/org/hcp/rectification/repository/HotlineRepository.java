package org.hcp.rectification.repository;

import static org.hcp.kit.db.Transactions.query;
import static org.hcp.kit.db.Transactions.update;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The tables {@code hotline_dispatch} and {@code hotline_reply} (docs/hotline.md). */
@ApplicationScoped
public class HotlineRepository {

    public record Dispatch(String rectificationId, String subscriber, String status, int attempts,
            Instant nextAttemptAt, String lastError) {
    }

    public void queue(SqlConnection tx, String rectificationId, String subscriber, Instant now) {
        update(tx, "INSERT INTO hotline_dispatch (rectification_id, subscriber, status, next_attempt_at, created_at) "
                + "VALUES ($1, $2, 'PENDING', $3, $3) ON CONFLICT DO NOTHING",
                Tuple.of(rectificationId, subscriber, utc(now)));
    }

    /**
     * Work orders due (pending, or parked and due again), taken for {@code lease}: another replica does not take
     * them meanwhile. Should two send the same one, the 12345 platform takes a work order id once.
     */
    public List<Dispatch> claimDue(SqlConnection tx, Instant now, java.time.Duration lease, int limit) {
        return query(tx, "UPDATE hotline_dispatch SET next_attempt_at = $3 WHERE rectification_id IN ("
                + "SELECT rectification_id FROM hotline_dispatch WHERE status <> 'SENT' AND next_attempt_at <= $1 "
                + "ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED) "
                + "RETURNING rectification_id, subscriber, status, attempts, next_attempt_at, last_error",
                Tuple.of(utc(now), limit, utc(now.plus(lease)))).stream().map(HotlineRepository::dispatch).toList();
    }

    /** The platform took it; false when it was marked sent already (its step is recorded once). */
    public boolean sent(SqlConnection tx, String rectificationId, Instant now) {
        return update(tx, "UPDATE hotline_dispatch SET status = 'SENT', sent_at = $2, attempts = attempts + 1, "
                + "last_error = NULL WHERE rectification_id = $1 AND status <> 'SENT'",
                Tuple.of(rectificationId, utc(now))) == 1;
    }

    public void failed(SqlConnection tx, String rectificationId, String error, Instant nextAttemptAt, boolean park) {
        update(tx, "UPDATE hotline_dispatch SET status = $2, attempts = attempts + 1, last_error = $3, "
                + "next_attempt_at = $4 WHERE rectification_id = $1", Tuple.of(rectificationId,
                park ? "PARKED" : "PENDING", error, utc(nextAttemptAt)));
    }

    public List<Dispatch> list(SqlConnection tx, String status, int limit, int offset) {
        return query(tx, "SELECT rectification_id, subscriber, status, attempts, next_attempt_at, last_error "
                + "FROM hotline_dispatch WHERE status = $1 ORDER BY created_at DESC, rectification_id LIMIT $2 "
                + "OFFSET $3", Tuple.of(status, limit, offset)).stream().map(HotlineRepository::dispatch).toList();
    }

    /** Records a reply once; false when this subscriber's reply id was recorded before. */
    public boolean replyOnce(SqlConnection tx, String subscriber, String replyId, String rectificationId,
            Instant now) {
        return update(tx, "INSERT INTO hotline_reply (subscriber, reply_id, rectification_id, received_at) "
                + "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                Tuple.of(subscriber, replyId, rectificationId, utc(now))) == 1;
    }

    private static Dispatch dispatch(Row r) {
        return new Dispatch(r.getString("rectification_id"), r.getString("subscriber"), r.getString("status"),
                r.getInteger("attempts"), r.getOffsetDateTime("next_attempt_at").toInstant(),
                r.getString("last_error"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
