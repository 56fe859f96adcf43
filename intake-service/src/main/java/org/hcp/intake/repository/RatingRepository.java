package org.hcp.intake.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingSubmitted;

/**
 * Writes accepted ratings with the reactive PG client: the insert must share one transaction with the outbox row,
 * and it decides idempotency with {@code ON CONFLICT}, which Panache cannot express.
 */
@ApplicationScoped
public class RatingRepository {

    /** What was stored first under a rating id. */
    public record StoredRating(String ratingId, UUID eventId, String fingerprint) {
    }

    /**
     * Inserts the rating unless its id exists. Concurrent inserts of one id wait for each other, so exactly one
     * returns {@code null} (it inserted) and the others get the row it stored.
     */
    public Uni<StoredRating> insertIfAbsent(SqlConnection tx, EventEnvelope<RatingSubmitted> event, String fingerprint) {
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
                .addOffsetDateTime(event.recordedAt().atOffset(ZoneOffset.UTC));
        return tx.preparedQuery("""
                        INSERT INTO rating (rating_id, event_id, case_number, item_code, institution_code, region_code,
                                            channel, level, origin, evaluator_pseudonym, request_fingerprint,
                                            rated_at, recorded_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                        ON CONFLICT (rating_id) DO NOTHING
                        RETURNING rating_id""")
                .execute(values)
                .flatMap(inserted -> inserted.rowCount() == 1 ? Uni.createFrom().nullItem() : find(tx, rating.ratingId()));
    }

    private Uni<StoredRating> find(SqlConnection tx, String ratingId) {
        return tx.preparedQuery("SELECT rating_id, event_id, request_fingerprint FROM rating WHERE rating_id = $1")
                .execute(Tuple.of(ratingId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new StoredRating(row.getString("rating_id"), row.getUUID("event_id"),
                            row.getString("request_fingerprint"));
                });
    }
}
