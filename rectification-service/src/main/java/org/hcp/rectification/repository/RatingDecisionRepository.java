package org.hcp.rectification.repository;

import static org.hcp.kit.db.Transactions.query;
import static org.hcp.kit.db.Transactions.update;

import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * R3.4 / R3.5: the latest appeal decision per rating ({@code rating_decision}), remembered whether or not the rating
 * has been read yet, so that a rating read after its decision opens its rectification withdrawn.
 */
@ApplicationScoped
public class RatingDecisionRepository {

    /** The latest decision on a rating: whether it took the rating out, and its id. */
    public record Decision(boolean notAdopted, String decisionId) {
    }

    public Optional<Decision> latest(SqlConnection tx, String ratingId) {
        return query(tx, "SELECT not_adopted, decision_id FROM rating_decision WHERE rating_id = $1",
                Tuple.of(ratingId)).stream()
                .map(r -> new Decision(r.getBoolean("not_adopted"), r.getString("decision_id"))).findFirst();
    }

    public void remember(SqlConnection tx, String ratingId, boolean notAdopted, String decisionId, Instant decidedAt) {
        update(tx, "INSERT INTO rating_decision (rating_id, not_adopted, decision_id, decided_at) "
                + "VALUES ($1, $2, $3, $4) ON CONFLICT (rating_id) DO UPDATE SET not_adopted = EXCLUDED.not_adopted, "
                + "decision_id = EXCLUDED.decision_id, decided_at = EXCLUDED.decided_at",
                Tuple.of(ratingId, notAdopted, decisionId, decidedAt.atOffset(ZoneOffset.UTC)));
    }
}
