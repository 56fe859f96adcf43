package org.hcp.intake.repository;

import static org.hcp.kit.db.Transactions.update;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingSubmitted;

/**
 * Accepted ratings. Writes run in the decision's transaction (the inserts share it with the slots and the outbox
 * rows, and settle idempotency and races with {@code ON CONFLICT}). The rating service's methods take many ratings
 * at once and return {@code Uni}, so that a request costs the same few round trips for one rating or five hundred;
 * the default-rating scheduler writes one at a time, sequentially (docs/architecture.md, "The database").
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

    /** What is stored under each of {@code ratingIds}; absent ids are absent from the map. */
    public Uni<Map<String, StoredRating>> findAll(SqlConnection tx, Collection<String> ratingIds) {
        return tx.preparedQuery("SELECT rating_id, event_id, request_fingerprint, source_rating_id FROM rating "
                        + "WHERE rating_id = ANY($1)")
                .execute(Tuple.of(ratingIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, StoredRating> found = new HashMap<>();
                    for (Row row : rows) {
                        found.put(row.getString("rating_id"), new StoredRating(row.getString("rating_id"),
                                row.getUUID("event_id"), row.getString("request_fingerprint"),
                                row.getString("source_rating_id")));
                    }
                    return found;
                });
    }

    /** For each request's rating id, the case numbers its ratings were recorded for, in case-number order. */
    public Uni<Map<String, List<String>>> casesOf(SqlConnection tx, Collection<String> sourceRatingIds) {
        if (sourceRatingIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return tx.preparedQuery("SELECT source_rating_id, case_number FROM rating WHERE source_rating_id = ANY($1) "
                        + "ORDER BY case_number")
                .execute(Tuple.of(sourceRatingIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<String>> cases = new TreeMap<>();
                    for (Row row : rows) {
                        cases.computeIfAbsent(row.getString("source_rating_id"), k -> new java.util.ArrayList<>())
                                .add(row.getString("case_number"));
                    }
                    return cases;
                });
    }

    /** A rating to insert, with the fingerprint of the request that brought it. */
    public record NewRating(EventEnvelope<RatingSubmitted> event, String fingerprint) {
    }

    /**
     * Inserts the ratings in one pipelined batch; answers how many were new. Fewer than given means a concurrent
     * request stored one of the ids first: the caller rolls back and decides again.
     */
    public Uni<Integer> insertAll(SqlConnection tx, List<NewRating> ratings) {
        if (ratings.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return tx.preparedQuery(INSERT).executeBatch(ratings.stream().map(r -> values(r.event(), r.fingerprint()))
                .toList()).map(RatingRepository::inserted);
    }

    /** A rating slot to take (R1.4): the case, which slot, and the rating that takes it. */
    public record SlotTaken(String caseNumber, String slot, String ratingId) {
    }

    /** R1.4: takes the slots in one pipelined batch; answers how many were free. */
    public Uni<Integer> takeSlots(SqlConnection tx, List<SlotTaken> slots) {
        if (slots.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return tx.preparedQuery(TAKE_SLOT).executeBatch(slots.stream()
                .map(s -> Tuple.of(s.caseNumber(), s.slot(), s.ratingId())).toList()).map(RatingRepository::inserted);
    }

    private static int inserted(io.vertx.mutiny.sqlclient.RowSet<Row> batch) {
        int count = 0;
        for (io.vertx.mutiny.sqlclient.RowSet<Row> r = batch; r != null; r = r.next()) {
            count += r.rowCount();
        }
        return count;
    }

    private static final String INSERT = """
            INSERT INTO rating (rating_id, event_id, case_number, item_code, institution_code, region_code,
                                channel, level, origin, evaluator_pseudonym, request_fingerprint,
                                rated_at, recorded_at, scope, group_id, visit_id, source_rating_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
            ON CONFLICT (rating_id) DO NOTHING""";

    private static final String TAKE_SLOT = "INSERT INTO rating_slot (case_number, slot, rating_id) "
            + "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";

    /** Inserts the rating; false when a row with its id exists already (the scheduler's default ratings). */
    public boolean insert(SqlConnection tx, EventEnvelope<RatingSubmitted> event, String fingerprint) {
        return update(tx, INSERT, values(event, fingerprint)) == 1;
    }

    private static Tuple values(EventEnvelope<RatingSubmitted> event, String fingerprint) {
        RatingSubmitted rating = event.payload();
        return Tuple.tuple()
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
    }

    /**
     * R1.4: takes a rating slot for the scheduler; false when it is taken. The scheduler marks the case rated, which
     * takes it out of the due-case indexes; requests do not (docs/performance.md: no index update on their path).
     */
    public boolean takeSlot(SqlConnection tx, String caseNumber, String slot, String ratingId) {
        boolean taken = update(tx, TAKE_SLOT, Tuple.of(caseNumber, slot, ratingId)) == 1;
        if (taken) {
            update(tx, "UPDATE service_case SET rated = true WHERE case_number = $1", Tuple.of(caseNumber));
        }
        return taken;
    }
}
