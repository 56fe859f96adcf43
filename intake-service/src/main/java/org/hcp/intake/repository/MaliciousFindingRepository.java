package org.hcp.intake.repository;

import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventPayload;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.appeal.RatingReinstated;
import org.hcp.kit.db.Transactions;

/** The table {@code malicious_finding}: each rating's standing by its last appeal decision (R3.4). */
@ApplicationScoped
public class MaliciousFindingRepository {

    private record Standing(String caseNumber, String decisionId, boolean malicious) {
    }

    /** Applies decisions in the order read (per rating, the log's order): the last one stands. */
    public void record(SqlConnection tx, List<EventEnvelope<EventPayload>> events) {
        Map<String, Standing> last = new LinkedHashMap<>();
        for (EventEnvelope<EventPayload> e : events) {
            if (e.payload() instanceof RatingNotAdopted d) {
                last.put(d.ratingId(), new Standing(d.caseNumber(), d.decisionId(), d.malicious()));
            } else if (e.payload() instanceof RatingReinstated r) {
                last.put(r.ratingId(), new Standing(r.caseNumber(), r.decisionId(), false));
            }
        }
        List<Tuple> rows = new ArrayList<>();
        last.forEach((ratingId, s) -> rows.add(Tuple.of(ratingId, s.caseNumber(), s.decisionId(), s.malicious())));
        if (!rows.isEmpty()) {
            Transactions.batch(tx, "INSERT INTO malicious_finding (rating_id, case_number, decision_id, malicious) "
                    + "VALUES ($1, $2, $3, $4) ON CONFLICT (rating_id) DO UPDATE SET decision_id = EXCLUDED.decision_id, "
                    + "malicious = EXCLUDED.malicious", rows);
        }
    }

    /** Whether a rating of this case stands found malicious. */
    public boolean foundMalicious(SqlConnection tx, String caseNumber) {
        return !Transactions.query(tx, "SELECT 1 FROM malicious_finding WHERE case_number = $1 AND malicious LIMIT 1",
                Tuple.of(caseNumber)).isEmpty();
    }
}
