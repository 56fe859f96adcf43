package org.hcp.rectification.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingSubmitted;
import org.hcp.kit.db.Transactions;

@ApplicationScoped
public class BadReviewRepository {

    private final Pool pool;

    public BadReviewRepository(Pool pool) {
        this.pool = pool;
    }

    /** Idempotent: a bad review already received is left as it is. */
    public void receive(SqlConnection tx, List<EventEnvelope<RatingSubmitted>> badReviews) {
        List<Tuple> rows = badReviews.stream().map(e -> {
            RatingSubmitted r = e.payload();
            return Tuple.tuple().addString(r.ratingId()).addUUID(e.eventId()).addString(r.caseNumber())
                    .addString(r.institutionCode()).addString(r.regionCode()).addShort((short) r.level())
                    .addArrayOfString(r.tags().toArray(new String[0]))
                    .addOffsetDateTime(r.ratedAt().atOffset(ZoneOffset.UTC));
        }).toList();
        Transactions.batch(tx, "INSERT INTO bad_review (rating_id, event_id, case_number, institution_code, "
                + "region_code, level, tags, rated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                + "ON CONFLICT (rating_id) DO NOTHING", rows);
    }

    /** Bad reviews received for a region prefix and an institution (each: all when null). */
    public Uni<Long> count(String regionPrefix, String institution) {
        return pool.preparedQuery("SELECT count(*) AS n FROM bad_review "
                        + "WHERE ($1::text IS NULL OR region_code LIKE $1 || '%') "
                        + "AND ($2::text IS NULL OR institution_code = $2)")
                .execute(Tuple.of(regionPrefix, institution)).map(rows -> rows.iterator().next().getLong("n"));
    }
}
