package org.hcp.appeal.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hcp.appeal.domain.AppealDecider;
import org.hcp.appeal.domain.Appeals;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingSubmitted;
import org.hcp.kit.db.Transactions;

@ApplicationScoped
public class AppealableRatingRepository {

    private final Pool pool;

    public AppealableRatingRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Idempotent: a rating already known keeps its row; only who registered it and its evaluator's pseudonym are
     * (re)filled, which a replay from the start does for rows written before those columns existed.
     */
    public void add(SqlConnection tx, List<EventEnvelope<RatingSubmitted>> ratings) {
        List<Tuple> rows = ratings.stream().map(e -> Tuple.tuple(Arrays.asList(e.payload().ratingId(),
                e.eventId(), e.payload().caseNumber(), e.payload().institutionCode(), e.payload().regionCode(),
                (short) e.payload().level(), e.payload().origin().name(),
                e.payload().ratedAt().atOffset(ZoneOffset.UTC), e.recordedAt().atOffset(ZoneOffset.UTC),
                Appeals.registeredBy(e.payload()), e.payload().evaluatorPseudonym()))).toList();
        Transactions.batch(tx, "INSERT INTO appealable_rating (rating_id, event_id, case_number, institution_code, "
                + "region_code, level, origin, rated_at, received_at, registered_by, evaluator_pseudonym) VALUES ($1, "
                + "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (rating_id) DO UPDATE SET registered_by = "
                + "EXCLUDED.registered_by, evaluator_pseudonym = EXCLUDED.evaluator_pseudonym", rows);
    }

    /** Appealable ratings of a region prefix and an institution (each: all when null). */
    public Uni<Long> count(String regionPrefix, String institution) {
        return pool.preparedQuery("SELECT count(*) AS n FROM appealable_rating "
                        + "WHERE ($1::text IS NULL OR region_code LIKE $1 || '%') "
                        + "AND ($2::text IS NULL OR institution_code = $2)")
                .execute(Tuple.of(regionPrefix, institution)).map(rows -> rows.iterator().next().getLong("n"));
    }

    /** The rating if it is appealable and within the region prefix / institution given (null: any); no lock. */
    public Uni<Optional<AppealDecider.RatedCase>> find(String ratingId, String regionPrefix, String institution) {
        return pool.preparedQuery(SELECT + " FROM appealable_rating WHERE rating_id = $1 "
                        + "AND ($2::text IS NULL OR region_code LIKE $2 || '%') "
                        + "AND ($3::text IS NULL OR institution_code = $3)")
                .execute(Tuple.of(ratingId, regionPrefix, institution))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(ratedCase(rows.iterator().next())));
    }

    /**
     * Locks the rating's row (filings and decisions on one rating wait for each other) and answers it, if it is
     * appealable and within the region prefix / institution given (null: any).
     */
    public Optional<AppealDecider.RatedCase> lock(SqlConnection tx, String ratingId, String regionPrefix,
            String institution) {
        return Transactions.query(tx, SELECT + " FROM appealable_rating WHERE rating_id = $1 "
                        + "AND ($2::text IS NULL OR region_code LIKE $2 || '%') "
                        + "AND ($3::text IS NULL OR institution_code = $3) FOR UPDATE",
                Tuple.of(ratingId, regionPrefix, institution)).stream().findFirst()
                .map(AppealableRatingRepository::ratedCase);
    }

    private static final String SELECT = "SELECT rating_id, case_number, level, origin, institution_code, "
            + "region_code, received_at, registered_by, evaluator_pseudonym";

    private static AppealDecider.RatedCase ratedCase(Row r) {
        return new AppealDecider.RatedCase(r.getString("rating_id"), r.getString("case_number"), r.getShort("level"),
                RatingOrigin.valueOf(r.getString("origin")), r.getString("institution_code"),
                r.getString("region_code"), r.getOffsetDateTime("received_at").toInstant(),
                r.getString("registered_by"), r.getString("evaluator_pseudonym"));
    }
}
