package org.hcp.events;

import java.util.List;
import org.hcp.events.appeal.AppealDecided;
import org.hcp.events.appeal.AppealEvidenceAdded;
import org.hcp.events.appeal.AppealFiled;
import org.hcp.events.appeal.AppealOverdue;
import org.hcp.events.appeal.AppealRedated;
import org.hcp.events.appeal.IntegrityFlagReviewed;
import org.hcp.events.bulletin.BulletinPublished;
import org.hcp.events.appeal.AppealVerified;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.appeal.RatingReinstated;
import org.hcp.events.audit.LogCheckpointed;
import org.hcp.events.rectification.CallbackRecorded;
import org.hcp.events.rectification.FeedbackGiven;
import org.hcp.events.rectification.InterviewRecorded;
import org.hcp.events.rectification.RectificationCaseAdded;
import org.hcp.events.rectification.RectificationClassified;
import org.hcp.events.rectification.RectificationClosed;
import org.hcp.events.rectification.RectificationOpened;
import org.hcp.events.rectification.RectificationResolved;
import org.hcp.events.rectification.RectificationRedated;
import org.hcp.events.rectification.RectificationResumed;
import org.hcp.events.rectification.RectificationStepOverdue;
import org.hcp.events.rectification.RectificationVerified;
import org.hcp.events.rectification.RectificationWithdrawn;
import org.hcp.events.rectification.ResponsibleAssigned;
import org.hcp.events.rectification.WorkOrderDispatched;
import org.hcp.events.rectification.WorkOrderReplied;

/**
 * Every event type the platform knows, with its current schema version.
 *
 * <p>An event type is never changed in a way that breaks old events: add optional fields, or register
 * a new version and an upcaster here. Golden fixtures of every version are kept in the tests.
 */
public final class EventTypes {

    public static final EventType RATING_SUBMITTED = new EventType("RatingSubmitted", 1, RatingSubmitted.class, Topics.RATINGS);

    public static final EventType CASE_COMPLETED = new EventType("CaseCompleted", 1, CaseCompleted.class, Topics.CASES);
    public static final EventType RATING_REMINDER_ISSUED =
            new EventType("RatingReminderIssued", 1, RatingReminderIssued.class, Topics.CASES);
    public static final EventType FOLLOW_UP_RATED = new EventType("FollowUpRated", 1, FollowUpRated.class, Topics.CASES);
    public static final EventType CASE_DEADLINES_REDATED =
            new EventType("CaseDeadlinesRedated", 1, CaseDeadlinesRedated.class, Topics.CASES);
    public static final EventType DIRECTORY_ENTRY_RECORDED =
            new EventType("DirectoryEntryRecorded", 1, DirectoryEntryRecorded.class, Topics.DIRECTORY);
    public static final EventType WORKING_CALENDAR_PUBLISHED =
            new EventType("WorkingCalendarPublished", 1, WorkingCalendarPublished.class, Topics.DIRECTORY);

    // R2: the life of a rectification, on Topics.RECTIFICATIONS, keyed by rectification id.
    public static final EventType RECTIFICATION_OPENED =
            new EventType("RectificationOpened", 1, RectificationOpened.class, Topics.RECTIFICATIONS);
    public static final EventType RECTIFICATION_CASE_ADDED =
            new EventType("RectificationCaseAdded", 1, RectificationCaseAdded.class, Topics.RECTIFICATIONS);
    public static final EventType RESPONSIBLE_ASSIGNED =
            new EventType("ResponsibleAssigned", 1, ResponsibleAssigned.class, Topics.RECTIFICATIONS);
    public static final EventType CALLBACK_RECORDED = new EventType("CallbackRecorded", 1, CallbackRecorded.class, Topics.RECTIFICATIONS);
    public static final EventType RECTIFICATION_CLASSIFIED =
            new EventType("RectificationClassified", 1, RectificationClassified.class, Topics.RECTIFICATIONS);
    public static final EventType RECTIFICATION_RESOLVED =
            new EventType("RectificationResolved", 1, RectificationResolved.class, Topics.RECTIFICATIONS);
    public static final EventType FEEDBACK_GIVEN = new EventType("FeedbackGiven", 1, FeedbackGiven.class, Topics.RECTIFICATIONS);
    public static final EventType RECTIFICATION_VERIFIED =
            new EventType("RectificationVerified", 1, RectificationVerified.class, Topics.RECTIFICATIONS);
    public static final EventType INTERVIEW_RECORDED = new EventType("InterviewRecorded", 1, InterviewRecorded.class, Topics.RECTIFICATIONS);
    public static final EventType RECTIFICATION_STEP_OVERDUE =
            new EventType("RectificationStepOverdue", 1, RectificationStepOverdue.class, Topics.RECTIFICATIONS);
    public static final EventType RECTIFICATION_CLOSED =
            new EventType("RectificationClosed", 1, RectificationClosed.class, Topics.RECTIFICATIONS);
    public static final EventType RECTIFICATION_WITHDRAWN =
            new EventType("RectificationWithdrawn", 1, RectificationWithdrawn.class, Topics.RECTIFICATIONS);
    public static final EventType RECTIFICATION_RESUMED =
            new EventType("RectificationResumed", 1, RectificationResumed.class, Topics.RECTIFICATIONS);
    public static final EventType WORK_ORDER_DISPATCHED =
            new EventType("WorkOrderDispatched", 1, WorkOrderDispatched.class, Topics.RECTIFICATIONS);
    public static final EventType WORK_ORDER_REPLIED =
            new EventType("WorkOrderReplied", 1, WorkOrderReplied.class, Topics.RECTIFICATIONS);
    public static final EventType RECTIFICATION_REDATED =
            new EventType("RectificationRedated", 1, RectificationRedated.class, Topics.RECTIFICATIONS);

    // R3.4: appeal decisions, on Topics.APPEALS, keyed by rating id.
    public static final EventType RATING_NOT_ADOPTED = new EventType("RatingNotAdopted", 1, RatingNotAdopted.class, Topics.APPEALS);
    public static final EventType RATING_REINSTATED = new EventType("RatingReinstated", 1, RatingReinstated.class, Topics.APPEALS);

    // R3.1-R3.3: the appeal case file, on Topics.APPEALS, keyed by rating id (one open appeal per rating).
    public static final EventType APPEAL_FILED = new EventType("AppealFiled", 1, AppealFiled.class, Topics.APPEALS);
    public static final EventType APPEAL_EVIDENCE_ADDED =
            new EventType("AppealEvidenceAdded", 1, AppealEvidenceAdded.class, Topics.APPEALS);
    public static final EventType APPEAL_VERIFIED = new EventType("AppealVerified", 1, AppealVerified.class, Topics.APPEALS);
    public static final EventType APPEAL_DECIDED = new EventType("AppealDecided", 1, AppealDecided.class, Topics.APPEALS);
    public static final EventType APPEAL_OVERDUE = new EventType("AppealOverdue", 1, AppealOverdue.class, Topics.APPEALS);
    public static final EventType APPEAL_REDATED = new EventType("AppealRedated", 1, AppealRedated.class, Topics.APPEALS);

    // R6.3: the bureau's review of an integrity flag, on Topics.APPEALS, keyed by flag id.
    public static final EventType INTEGRITY_FLAG_REVIEWED =
            new EventType("IntegrityFlagReviewed", 1, IntegrityFlagReviewed.class, Topics.APPEALS);

    // R4.3: a monthly bulletin, frozen, on Topics.BULLETINS, keyed by bulletin id.
    public static final EventType BULLETIN_PUBLISHED =
            new EventType("BulletinPublished", 1, BulletinPublished.class, Topics.BULLETINS);

    // R5.3: the notary's signed checkpoint of one topic-partition, on Topics.CHECKPOINTS, keyed by topic/partition.
    public static final EventType LOG_CHECKPOINTED = new EventType("LogCheckpointed", 1, LogCheckpointed.class, Topics.CHECKPOINTS);

    public static final List<EventType> ALL = List.of(RATING_SUBMITTED, CASE_COMPLETED, RATING_REMINDER_ISSUED,
            FOLLOW_UP_RATED,
            CASE_DEADLINES_REDATED, DIRECTORY_ENTRY_RECORDED, WORKING_CALENDAR_PUBLISHED, RECTIFICATION_OPENED, RECTIFICATION_CASE_ADDED,
            RESPONSIBLE_ASSIGNED, CALLBACK_RECORDED, RECTIFICATION_CLASSIFIED, RECTIFICATION_RESOLVED, FEEDBACK_GIVEN,
            RECTIFICATION_VERIFIED, INTERVIEW_RECORDED, RECTIFICATION_STEP_OVERDUE, RECTIFICATION_CLOSED,
            RECTIFICATION_WITHDRAWN, RECTIFICATION_RESUMED, RECTIFICATION_REDATED, WORK_ORDER_DISPATCHED, WORK_ORDER_REPLIED,
            RATING_NOT_ADOPTED, RATING_REINSTATED, APPEAL_FILED,
            APPEAL_EVIDENCE_ADDED, APPEAL_VERIFIED, APPEAL_DECIDED, APPEAL_OVERDUE, APPEAL_REDATED, INTEGRITY_FLAG_REVIEWED,
            BULLETIN_PUBLISHED, LOG_CHECKPOINTED);

    private EventTypes() {
    }

    public static EventType find(String name, int version) {
        for (EventType type : ALL) {
            if (type.name().equals(name) && type.version() == version) {
                return type;
            }
        }
        throw new UnknownEventTypeException(name, version);
    }

    public static EventType typeOf(Class<?> payloadClass) {
        for (EventType type : ALL) {
            if (type.payloadClass().equals(payloadClass)) {
                return type;
            }
        }
        throw new IllegalArgumentException("not a registered event payload: " + payloadClass.getName());
    }

    public static final class UnknownEventTypeException extends RuntimeException {
        public UnknownEventTypeException(String name, int version) {
            super("unknown event type " + name + " v" + version);
        }
    }
}
