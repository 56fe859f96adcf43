package org.hcp.intake.repository;

import static org.hcp.kit.db.Transactions.query;
import static org.hcp.kit.db.Transactions.update;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingSubmitted;

/**
 * Accepted ratings. Writes run in the decision's transaction (the inserts share it with the slots and the outbox
 * rows, and settle idempotency and races with {@code ON CONFLICT}); the one read for the API is reactive
 * (docs/architecture.md, "The database").
 */
@ApplicationScoped
public class RatingRepository {

    private final Pool pool;

    public RatingRepository(Pool pool) {
        this.pool = pool;
    }

    /** An accepted rating as the API shows it: no evaluator data. */
    public record RatingRow(String ratingId, UUID eventId, String caseNumber, String itemCode, String institutionCode,
            String regionCode, String channel, int level, String origin, OffsetDateTime ratedAt,
            OffsetDateTime recordedAt) {
    }

    /** The rating stored under {@code ratingId}, or null; on the event loop, nothing blocks. */
    public Uni<RatingRow> findRow(String ratingId) {
        return pool.preparedQuery("SELECT rating_id, event_id, case_number, item_code, institution_code, region_code, "
                        + "channel, level, origin, rated_at, recorded_at FROM rating WHERE rating_id = $1")
                .execute(Tuple.of(ratingId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new RatingRow(r.getString("rating_id"), r.getUUID("event_id"), r.getString("case_number"),
                            r.getString("item_code"), r.getString("institution_code"), r.getString("region_code"),
                            r.getString("channel"), r.getShort("level"), r.getString("origin"),
                            r.getOffsetDateTime("rated_at"), r.getOffsetDateTime("recorded_at"));
                });
    }

    /** What was stored first under a rating id. */
    public record StoredRating(String ratingId, UUID eventId, String fingerprint, String sourceRatingId) {
    }

    public StoredRating find(SqlConnection tx, String ratingId) {
        List<Row> rows = query(tx, "SELECT rating_id, event_id, request_fingerprint, source_rating_id FROM rating "
                + "WHERE rating_id = $1", Tuple.of(ratingId));
        if (rows.isEmpty()) {
            return null;
        }
        Row row = rows.get(0);
        return new StoredRating(row.getString("rating_id"), row.getUUID("event_id"),
                row.getString("request_fingerprint"), row.getString("source_rating_id"));
    }

    /** The case numbers a request's ratings were recorded for (one, or every case of its batch or chain). */
    public List<String> casesOf(SqlConnection tx, String sourceRatingId) {
        return query(tx, "SELECT case_number FROM rating WHERE source_rating_id = $1 ORDER BY case_number",
                Tuple.of(sourceRatingId)).stream().map(r -> r.getString("case_number")).toList();
    }

    /** Inserts the rating; false when a row with its id exists already (a concurrent retry won). */
    public boolean insert(SqlConnection tx, EventEnvelope<RatingSubmitted> event, String fingerprint) {
        RatingSubmitted rating = event.payload();
        Tuple values = Tuple.tuple()
                .addString(rating.ratingId())
                .addUUID(event.eventId())
                .addString(rating.caseNumber())
                .addString(rating.itemCode())
                .addString(rating.institutionCode())
                .addString(rating.regionCode())
                .addString(rating.channel().name())
                .addShort((short) rating.level())
                .addString(rating.origin().name())
                .addString(rating.evaluatorPseudonym())
                .addString(fingerprint)
                .addOffsetDateTime(rating.ratedAt().atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(event.recordedAt().atOffset(ZoneOffset.UTC))
                .addString(rating.scope() == null ? "CASE" : rating.scope().name())
                .addString(rating.groupId())
                .addString(rating.visitId())
                .addString(rating.sourceRatingId());
        return update(tx, """
                INSERT INTO rating (rating_id, event_id, case_number, item_code, institution_code, region_code,
                                    channel, level, origin, evaluator_pseudonym, request_fingerprint,
                                    rated_at, recorded_at, scope, group_id, visit_id, source_rating_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
                ON CONFLICT (rating_id) DO NOTHING""", values) == 1;
    }

    /** R1.4: takes a rating slot; false when it is taken, which the caller turns into a 409. */
    public boolean takeSlot(SqlConnection tx, String caseNumber, String slot, String ratingId) {
        boolean taken = update(tx, "INSERT INTO rating_slot (case_number, slot, rating_id) VALUES ($1, $2, $3) "
                + "ON CONFLICT DO NOTHING", Tuple.of(caseNumber, slot, ratingId)) == 1;
        if (taken) {
            update(tx, "UPDATE service_case SET rated = true WHERE case_number = $1", Tuple.of(caseNumber));
        }
        return taken;
    }
}
