package org.hcp.intake.repository;

import static org.hcp.intake.repository.CaseRepository.instant;
import static org.hcp.intake.repository.CaseRepository.utc;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventPayload;
import org.hcp.events.rectification.CallbackRecorded;
import org.hcp.events.rectification.FeedbackGiven;
import org.hcp.events.rectification.RectificationCaseAdded;
import org.hcp.events.rectification.RectificationClassified;
import org.hcp.events.rectification.RectificationClosed;
import org.hcp.events.rectification.RectificationOpened;
import org.hcp.events.rectification.RectificationRedated;
import org.hcp.events.rectification.RectificationResolved;
import org.hcp.events.rectification.RectificationResumed;
import org.hcp.events.rectification.RectificationVerified;
import org.hcp.events.rectification.RectificationWithdrawn;
import org.hcp.events.rectification.ResponsibleAssigned;
import org.hcp.intake.domain.RectificationProgress;
import org.hcp.intake.domain.RectificationProgress.Kind;
import org.hcp.intake.domain.RectificationProgress.Step;
import org.hcp.kit.db.Transactions;

/** The tables {@code rectification_progress*}: a bad review's rectification as its evaluator may follow it (R2.4). */
@ApplicationScoped
public class RectificationProgressRepository {

    /**
     * A feedback older than this when read is not messaged: it is a replay, or the projection's first run over
     * history, and its evaluator heard back long ago.
     */
    static final java.time.Duration FEEDBACK_MESSAGE_AGE = java.time.Duration.ofDays(2);

    private final OutboundMessageRepository messages;
    private final java.time.Clock clock;

    public RectificationProgressRepository(OutboundMessageRepository messages, java.time.Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Applies a batch of rectification events in the log's order, one statement kind at a time: each kind's rows keep
     * that order, and a rectification's own row is written before anything that refers to it.
     */
    public void record(SqlConnection tx, List<EventEnvelope<EventPayload>> events) {
        List<Tuple> opened = new ArrayList<>();
        List<Tuple> ratings = new ArrayList<>();
        List<Tuple> steps = new ArrayList<>();
        List<Tuple> deadlines = new ArrayList<>();
        List<Tuple> withdrawals = new ArrayList<>();
        List<String> feedbacks = new ArrayList<>();
        Instant now = clock.instant();
        for (EventEnvelope<EventPayload> e : events) {
            String id = e.eventId().toString();
            EventPayload payload = e.payload();
            if (payload instanceof RectificationOpened o) {
                opened.add(Tuple.of(o.rectificationId(), o.institutionCode(), o.regionCode(), utc(o.openedAt()),
                        utc(o.callbackDueAt()), utc(o.feedbackDueAt())));
                o.ratingIds().forEach(r -> ratings.add(Tuple.of(r, o.rectificationId())));
                steps.add(step(o.rectificationId(), id, Kind.OPENED, o.openedAt(), null, null, null));
            } else if (payload instanceof RectificationCaseAdded a) {
                ratings.add(Tuple.of(a.ratingId(), a.rectificationId()));
            } else if (payload instanceof ResponsibleAssigned a) {
                steps.add(step(a.rectificationId(), id, Kind.ASSIGNED, a.assignedAt(), null, null, null));
            } else if (payload instanceof CallbackRecorded c) {
                steps.add(step(c.rectificationId(), id, Kind.CALLBACK, c.calledAt(), c.result().name(), null, null));
            } else if (payload instanceof RectificationClassified c) {
                steps.add(step(c.rectificationId(), id, Kind.CLASSIFIED, c.classifiedAt(), c.classification().name(),
                        null, null));
                deadlines.add(deadlines(c.rectificationId(), c.classification().name(), null, c.dueAt(),
                        c.feedbackDueAt(), null));
            } else if (payload instanceof RectificationResolved r) {
                steps.add(step(r.rectificationId(), id, Kind.RESOLVED, r.resolvedAt(), r.resolution().name(),
                        r.measures(), null));
                deadlines.add(deadlines(r.rectificationId(), null, null, null, null, r.verificationDueAt()));
            } else if (payload instanceof RectificationRedated r) {
                deadlines.add(deadlines(r.rectificationId(), null, r.callbackDueAt(), r.dueAt(), r.feedbackDueAt(),
                        r.verificationDueAt()));
            } else if (payload instanceof FeedbackGiven f) {
                steps.add(step(f.rectificationId(), id, Kind.FEEDBACK, f.givenAt(), f.means(), f.summary(), null));
                if (f.givenAt().isAfter(now.minus(FEEDBACK_MESSAGE_AGE))) {
                    feedbacks.add(f.rectificationId());
                }
            } else if (payload instanceof RectificationVerified v) {
                steps.add(step(v.rectificationId(), id, Kind.VERIFIED, v.verifiedAt(), Boolean.toString(v.confirmed()),
                        null, null));
            } else if (payload instanceof RectificationClosed c) {
                steps.add(step(c.rectificationId(), id, Kind.CLOSED, c.closedAt(), Boolean.toString(c.onTime()), null,
                        null));
            } else if (payload instanceof RectificationWithdrawn w) {
                steps.add(step(w.rectificationId(), id, Kind.WITHDRAWN, w.withdrawnAt(), null, null, w.ratingId()));
                withdrawals.add(Tuple.of(w.ratingId(), true));
            } else if (payload instanceof RectificationResumed r) {
                steps.add(step(r.rectificationId(), id, Kind.RESUMED, r.resumedAt(), null, null, r.ratingId()));
                withdrawals.add(Tuple.of(r.ratingId(), false));
            }
            // Overdue marks, interviews and the rest are the staff's business, not the evaluator's.
        }
        batch(tx, "INSERT INTO rectification_progress (rectification_id, institution_code, region_code, opened_at, "
                + "callback_due_at, feedback_due_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING", opened);
        batch(tx, "INSERT INTO rectification_progress_rating (rating_id, rectification_id) VALUES ($1, $2) "
                + "ON CONFLICT DO NOTHING", ratings);
        batch(tx, "INSERT INTO rectification_progress_step (rectification_id, event_id, kind, at, code, detail, "
                + "rating_id) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING", steps);
        batch(tx, "UPDATE rectification_progress SET classification = COALESCE($2, classification), "
                + "callback_due_at = COALESCE($3, callback_due_at), due_at = COALESCE($4, due_at), "
                + "feedback_due_at = COALESCE($5, feedback_due_at), "
                + "verification_due_at = COALESCE($6, verification_due_at) WHERE rectification_id = $1", deadlines);
        batch(tx, "UPDATE rectification_progress_rating SET withdrawn = $2 WHERE rating_id = $1", withdrawals);
        // R2.4: the feedback goes to each evaluator by SMS too, queued with the step (docs/messages.md).
        feedbacks.forEach(rectificationId -> messages.queueFeedback(tx, rectificationId, now));
    }

    /** The rectification that covers this rating, or null while there is none (yet). */
    public RectificationProgress findByRating(SqlConnection tx, String ratingId) {
        List<Row> rows = Transactions.query(tx, "SELECT p.*, r.withdrawn FROM rectification_progress_rating r "
                + "JOIN rectification_progress p USING (rectification_id) WHERE r.rating_id = $1", Tuple.of(ratingId));
        if (rows.isEmpty()) {
            return null;
        }
        Row p = rows.get(0);
        String rectificationId = p.getString("rectification_id");
        List<Step> steps = Transactions.query(tx, "SELECT kind, at, code, detail, rating_id "
                        + "FROM rectification_progress_step WHERE rectification_id = $1 ORDER BY at, event_id",
                Tuple.of(rectificationId)).stream()
                .map(s -> new Step(Kind.valueOf(s.getString("kind")), instant(s, "at"), s.getString("code"),
                        s.getString("detail"), s.getString("rating_id")))
                // Another rating's withdrawal is not this evaluator's business.
                .filter(s -> s.ratingId() == null || s.ratingId().equals(ratingId))
                .toList();
        return new RectificationProgress(rectificationId, p.getString("institution_code"), p.getString("region_code"),
                instant(p, "opened_at"), p.getString("classification"), instant(p, "callback_due_at"),
                instant(p, "due_at"), instant(p, "feedback_due_at"), instant(p, "verification_due_at"),
                p.getBoolean("withdrawn"), steps);
    }

    private static Tuple step(String rectificationId, String eventId, Kind kind, Instant at, String code,
            String detail, String ratingId) {
        return Tuple.tuple().addString(rectificationId).addString(eventId).addString(kind.name())
                .addOffsetDateTime(utc(at)).addString(code).addString(detail).addString(ratingId);
    }

    private static Tuple deadlines(String rectificationId, String classification, Instant callbackDueAt,
            Instant dueAt, Instant feedbackDueAt, Instant verificationDueAt) {
        return Tuple.tuple().addString(rectificationId).addString(classification)
                .addOffsetDateTime(utc(callbackDueAt)).addOffsetDateTime(utc(dueAt))
                .addOffsetDateTime(utc(feedbackDueAt)).addOffsetDateTime(utc(verificationDueAt));
    }

    private static void batch(SqlConnection tx, String sql, List<Tuple> rows) {
        if (!rows.isEmpty()) {
            Transactions.batch(tx, sql, rows);
        }
    }
}
