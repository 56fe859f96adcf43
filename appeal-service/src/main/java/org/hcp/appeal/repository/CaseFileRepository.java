package org.hcp.appeal.repository;

import static org.hcp.kit.db.Transactions.batch;
import static org.hcp.kit.db.Transactions.await;
import static org.hcp.kit.db.Transactions.query;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hcp.appeal.domain.AppealEntry;
import org.hcp.appeal.domain.DecisionEffects.Notice;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.events.EventPayload;
import org.hcp.events.RatingOrigin;
import org.hcp.events.rectification.RectificationCaseAdded;
import org.hcp.events.rectification.RectificationOpened;

/**
 * The appeal case file (R3) in one read: the rating (never the evaluator), the appeal, the rating's rectification
 * as it goes, the notices of decisions, and one timeline of it all.
 */
@ApplicationScoped
public class CaseFileRepository {

    private final Pool pool;
    private final AppealRepository appeals;
    private final DecisionRecordRepository decisions;

    public CaseFileRepository(Pool pool, AppealRepository appeals, DecisionRecordRepository decisions) {
        this.pool = pool;
        this.appeals = appeals;
        this.decisions = decisions;
    }

    /** Idempotent: a step already recorded is left as it is. */
    public void recordRectificationSteps(SqlConnection tx, List<EventEnvelope<EventPayload>> events) {
        List<Tuple> links = new ArrayList<>();
        List<Tuple> steps = new ArrayList<>();
        for (EventEnvelope<EventPayload> e : events) {
            if (e.payload() instanceof RectificationOpened opened) {
                opened.ratingIds().forEach(id -> links.add(Tuple.of(id, opened.rectificationId())));
            } else if (e.payload() instanceof RectificationCaseAdded added) {
                links.add(Tuple.of(added.ratingId(), added.rectificationId()));
            }
            steps.add(Tuple.of(e.eventId(), e.key(), e.type(), e.recordedAt().atOffset(ZoneOffset.UTC),
                    EventJson.write(e)));
        }
        batch(tx, "INSERT INTO rectification_link (rating_id, rectification_id) VALUES ($1, $2) "
                + "ON CONFLICT (rating_id) DO NOTHING", links);
        batch(tx, "INSERT INTO rectification_step (event_id, rectification_id, type, recorded_at, envelope) "
                + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING", steps);
    }

    /** The rating as the case file shows it: where and when, how bad; no evaluator. */
    public record RatingSummary(String ratingId, String caseNumber, int level, RatingOrigin origin,
            String institutionCode, String regionCode, String registeredBy, Instant ratedAt, Instant receivedAt) {
    }

    /**
     * The rating's rectification so far.
     *
     * @param lastStep the latest event's type (RectificationClosed, RectificationWithdrawn …): where it stands
     */
    public record RectificationProgress(String rectificationId, String lastStep, Instant lastStepAt, int steps) {
    }

    /** One entry of the timeline: from the appeal ({@code appeal}) or the rectification ({@code rectification}). */
    public record Entry(String source, String type, Instant recordedAt, EventPayload payload) {
    }

    public record CaseFile(AppealEntry appeal, RatingSummary rating, RectificationProgress rectification,
            List<Notice> notices, List<Entry> timeline) {
    }

    /** The case file of the appeal on {@code ratingId} within the region prefix / institution given (null: any). */
    public Optional<CaseFile> caseFile(String ratingId, String regionPrefix, String institution) {
        Optional<AppealRepository.CaseFile> appeal = await(appeals.caseFile(ratingId, regionPrefix, institution));
        if (appeal.isEmpty()) {
            return Optional.empty();
        }
        List<Entry> timeline = new ArrayList<>();
        appeal.get().timeline().forEach(e -> timeline.add(new Entry("appeal", e.type(), e.recordedAt(),
                e.payload())));
        RectificationProgress progress = null;
        List<Row> link = query(pool, "SELECT rectification_id FROM rectification_link WHERE rating_id = $1",
                Tuple.of(ratingId));
        if (!link.isEmpty()) {
            String rectificationId = link.get(0).getString("rectification_id");
            List<Row> steps = query(pool, "SELECT envelope FROM rectification_step WHERE rectification_id = $1 "
                    + "ORDER BY recorded_at, event_id", Tuple.of(rectificationId));
            Entry last = null;
            for (Row row : steps) {
                var e = EventJson.read(row.getString("envelope"));
                last = new Entry("rectification", e.type(), e.recordedAt(), e.payload());
                timeline.add(last);
            }
            progress = last == null ? null : new RectificationProgress(rectificationId, last.type(),
                    last.recordedAt(), steps.size());
        }
        timeline.sort(Comparator.comparing(Entry::recordedAt));
        List<Notice> notices = decisions.notices(ratingId);
        return Optional.of(new CaseFile(appeal.get().appeal(), rating(ratingId), progress, notices, timeline));
    }

    private RatingSummary rating(String ratingId) {
        return query(pool, "SELECT rating_id, case_number, level, origin, institution_code, region_code, registered_by, "
                + "rated_at, received_at FROM appealable_rating WHERE rating_id = $1", Tuple.of(ratingId)).stream()
                .findFirst().map(r -> new RatingSummary(r.getString("rating_id"), r.getString("case_number"),
                        r.getShort("level"), RatingOrigin.valueOf(r.getString("origin")),
                        r.getString("institution_code"), r.getString("region_code"), r.getString("registered_by"),
                        r.getOffsetDateTime("rated_at").toInstant(), r.getOffsetDateTime("received_at").toInstant()))
                .orElse(null);
    }
}
