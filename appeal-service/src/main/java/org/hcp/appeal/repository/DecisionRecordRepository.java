package org.hcp.appeal.repository;

import static org.hcp.kit.db.Transactions.batch;
import static org.hcp.kit.db.Transactions.query;
import static org.hcp.kit.db.Transactions.update;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hcp.appeal.domain.AppealDecider.RatedCase;
import org.hcp.appeal.domain.AppealState;
import org.hcp.appeal.domain.DecisionEffects;
import org.hcp.appeal.domain.DecisionEffects.CreditRecord;
import org.hcp.appeal.domain.DecisionEffects.Notice;
import org.hcp.appeal.domain.DecisionEffects.Recipient;
import org.hcp.appeal.domain.ObservedRating;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventPayload;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.appeal.RatingReinstated;
import org.hcp.events.policy.JurisdictionPolicy;

/** R3.4: the notices of decisions and the credit records, written in the decision's transaction, and their reads. */
@ApplicationScoped
public class DecisionRecordRepository {

    private static final String NOTICE_COLUMNS = "notice_id, rating_id, appeal_id, case_number, addressee, "
            + "recipients, region_code, decision, malicious, reason, issued_at";
    private static final String CREDIT_COLUMNS = "rating_id, evaluator_pseudonym, region_code, decision_id, reason, "
            + "decided_at, withdrawn_at";

    private final Pool pool;

    public DecisionRecordRepository(Pool pool) {
        this.pool = pool;
    }

    /** The policy in force for a region at an instant (the decision's). */
    @FunctionalInterface
    public interface Policies {
        JurisdictionPolicy at(String regionCode, Instant at);
    }

    /**
     * R3.4: the notices and credit records an appeal's recorded events leave, in their transaction; the live path and
     * a rebuild both come through here, with the policy in force when each event was recorded.
     */
    public void recordEffects(SqlConnection tx, RatedCase rating, AppealState appeal,
            List<EventEnvelope<EventPayload>> recorded, Policies policies) {
        for (EventEnvelope<EventPayload> e : recorded) {
            addNotices(tx, DecisionEffects.notices(rating, appeal, e.payload(), e.eventId().toString()));
            if (e.payload() instanceof RatingNotAdopted notAdopted) {
                addCreditRecords(tx, DecisionEffects.creditRecords(rating.evaluatorPseudonym(), rating.regionCode(),
                        notAdopted, policies.at(rating.regionCode(), e.recordedAt())));
            } else if (e.payload() instanceof RatingReinstated reinstated) {
                withdrawCreditRecord(tx, reinstated.ratingId(), reinstated.decidedAt());
            }
        }
    }

    /** R3.4 (TA), R6.3: ratings found malicious on an integrity review leave their evaluators' credit records. */
    public void recordIntegrityEffects(SqlConnection tx, Map<String, ObservedRating> ratings,
            List<EventEnvelope<EventPayload>> recorded, Policies policies) {
        for (EventEnvelope<EventPayload> e : recorded) {
            if (e.payload() instanceof RatingNotAdopted n && ratings.containsKey(n.ratingId())) {
                ObservedRating r = ratings.get(n.ratingId());
                addCreditRecords(tx, DecisionEffects.creditRecords(r.evaluator(), r.regionCode(), n,
                        policies.at(r.regionCode(), e.recordedAt())));
            }
        }
    }

    public void addNotices(SqlConnection tx, List<Notice> notices) {
        batch(tx, "INSERT INTO appeal_notice (" + NOTICE_COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
                + "$11) ON CONFLICT (notice_id) DO NOTHING", notices.stream().map(n -> Tuple.tuple(Arrays.asList(
                        n.id(), n.ratingId(), n.appealId(), n.caseNumber(), n.addressee(),
                        n.recipients().stream().map(Recipient::name).toArray(String[]::new), n.regionCode(),
                        n.decision(), n.malicious(), n.reason(), utc(n.issuedAt())))).toList());
    }

    /** A rating found malicious again after a reinstatement gets its record back, with the new decision. */
    public void addCreditRecords(SqlConnection tx, List<CreditRecord> records) {
        batch(tx, "INSERT INTO credit_record (" + CREDIT_COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, NULL) "
                + "ON CONFLICT (rating_id) DO UPDATE SET decision_id = EXCLUDED.decision_id, reason = EXCLUDED.reason, "
                + "decided_at = EXCLUDED.decided_at, withdrawn_at = NULL", records.stream().map(c -> Tuple.tuple(
                        Arrays.asList(c.ratingId(), c.evaluatorPseudonym(), c.regionCode(), c.decisionId(), c.reason(),
                                utc(c.decidedAt())))).toList());
    }

    /** R3.5: the rating was reinstated; its credit record, if any, is kept and marked withdrawn. */
    public void withdrawCreditRecord(SqlConnection tx, String ratingId, Instant at) {
        update(tx, "UPDATE credit_record SET withdrawn_at = $2 WHERE rating_id = $1 AND withdrawn_at IS NULL",
                Tuple.of(ratingId, utc(at)));
    }

    /**
     * The notice feed after {@code after} (a notice id; null: from the start), oldest first: those addressed to
     * {@code addressee}, or within {@code regionPrefix} (each null: any).
     */
    public Uni<List<Notice>> notices(String addressee, String regionPrefix, String after, int limit) {
        return pool.preparedQuery("SELECT " + NOTICE_COLUMNS + " FROM appeal_notice WHERE ($1::text IS NULL OR "
                        + "addressee = $1) AND ($2::text IS NULL OR region_code LIKE $2 || '%') AND ($3::text IS NULL "
                        + "OR notice_id > $3) ORDER BY notice_id LIMIT $4")
                .execute(Tuple.of(addressee, regionPrefix, after, limit)).map(rows -> {
                    List<Notice> notices = new ArrayList<>();
                    rows.forEach(r -> notices.add(notice(r)));
                    return notices;
                });
    }

    /** The notices of decisions on one rating, in order. */
    public List<Notice> notices(String ratingId) {
        return query(pool, "SELECT " + NOTICE_COLUMNS + " FROM appeal_notice WHERE "
                + "rating_id = $1 ORDER BY notice_id", Tuple.of(ratingId)).stream()
                .map(DecisionRecordRepository::notice).toList();
    }

    /** Credit records within a region prefix (null: any), newest first. */
    public Uni<List<CreditRecord>> creditRecords(String regionPrefix, int offset, int limit) {
        return pool.preparedQuery("SELECT " + CREDIT_COLUMNS + " FROM credit_record WHERE ($1::text IS NULL OR "
                        + "region_code LIKE $1 || '%') ORDER BY decided_at DESC, rating_id LIMIT $2 OFFSET $3")
                .execute(Tuple.of(regionPrefix, limit, offset)).map(rows -> {
                    List<CreditRecord> records = new ArrayList<>();
                    rows.forEach(r -> records.add(new CreditRecord(r.getString("rating_id"),
                            r.getString("evaluator_pseudonym"), r.getString("region_code"), r.getString("decision_id"),
                            r.getString("reason"), instant(r, "decided_at"), instant(r, "withdrawn_at"))));
                    return records;
                });
    }

    private static Notice notice(Row r) {
        return new Notice(r.getString("notice_id"), r.getString("rating_id"), r.getString("appeal_id"),
                r.getString("case_number"), r.getString("addressee"), Arrays.stream(r.getArrayOfStrings("recipients"))
                        .map(Recipient::valueOf).toList(), r.getString("region_code"), r.getString("decision"),
                r.getBoolean("malicious"), r.getString("reason"), instant(r, "issued_at"));
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime at = r.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }
}
