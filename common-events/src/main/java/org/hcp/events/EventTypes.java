package org.hcp.events;

import java.util.List;

/**
 * Every event type the platform knows, with its current schema version.
 *
 * <p>An event type is never changed in a way that breaks old events: add optional fields, or register
 * a new version and an upcaster here. Golden fixtures of every version are kept in the tests.
 */
public final class EventTypes {

    public static final EventType RATING_SUBMITTED = new EventType("RatingSubmitted", 1, RatingSubmitted.class);

    public static final EventType CASE_COMPLETED = new EventType("CaseCompleted", 1, CaseCompleted.class);
    public static final EventType RATING_REMINDER_ISSUED =
            new EventType("RatingReminderIssued", 1, RatingReminderIssued.class);
    public static final EventType DIRECTORY_ENTRY_RECORDED =
            new EventType("DirectoryEntryRecorded", 1, DirectoryEntryRecorded.class);
    public static final EventType WORKING_CALENDAR_PUBLISHED =
            new EventType("WorkingCalendarPublished", 1, WorkingCalendarPublished.class);

    public static final List<EventType> ALL = List.of(RATING_SUBMITTED, CASE_COMPLETED, RATING_REMINDER_ISSUED,
            DIRECTORY_ENTRY_RECORDED, WORKING_CALENDAR_PUBLISHED);

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
