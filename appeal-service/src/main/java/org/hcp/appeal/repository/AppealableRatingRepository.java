package org.hcp.appeal.repository;

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
public class AppealableRatingRepository {

    private final Pool pool;

    public AppealableRatingRepository(Pool pool) {
        this.pool = pool;
    }

    /** Idempotent: a rating already known is left as it is. */
    public void add(SqlConnection tx, List<EventEnvelope<RatingSubmitted>> ratings) {
        List<Tuple> rows = ratings.stream().map(e -> Tuple.of(e.payload().ratingId(), e.eventId(),
                e.payload().institutionCode(), e.payload().regionCode(), (short) e.payload().level(),
                e.payload().ratedAt().atOffset(ZoneOffset.UTC))).toList();
        Transactions.batch(tx, "INSERT INTO appealable_rating (rating_id, event_id, institution_code, region_code, "
                + "level, rated_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (rating_id) DO NOTHING", rows);
    }

    /** Appealable ratings of a region prefix and an institution (each: all when null). */
    public Uni<Long> count(String regionPrefix, String institution) {
        return pool.preparedQuery("SELECT count(*) AS n FROM appealable_rating "
                        + "WHERE ($1::text IS NULL OR region_code LIKE $1 || '%') "
                        + "AND ($2::text IS NULL OR institution_code = $2)")
                .execute(Tuple.of(regionPrefix, institution)).map(rows -> rows.iterator().next().getLong("n"));
    }
}
