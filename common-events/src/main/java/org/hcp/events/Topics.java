package org.hcp.events;

import java.util.Map;

/**
 * Kafka topics. Each keeps its history forever ({@code retention.ms=-1}, never compacted): the log is the record.
 */
public final class Topics {

    /** Ratings, keyed by rating id; published only by intake-service. */
    public static final String RATINGS = "hcp.ratings";

    /** Cases reported by business systems, and reminders about them; keyed by case number; intake publishes. */
    public static final String CASES = "hcp.cases";

    /** The directory of what can be rated (R1.11) and the working calendar; keyed by KIND:code; intake publishes. */
    public static final String DIRECTORY = "hcp.directory";

    /** The life of every rectification (R2), keyed by rectification id; rectification-service publishes. */
    public static final String RECTIFICATIONS = "hcp.rectifications";

    /** Appeal decisions (R3): RatingNotAdopted / RatingReinstated, keyed by rating id; appeal-service publishes. */
    public static final String APPEALS = "hcp.appeals";

    /** Monthly bulletins (R4.3), frozen once published, keyed by bulletin id; reporting-service publishes. */
    public static final String BULLETINS = "hcp.bulletins";

    /** Events a consumer could not read or apply, with the reason in headers; keyed by the source event's key. */
    public static final String DEAD_LETTER = "hcp.deadletter";

    /**
     * The notary's signed checkpoints of every other topic (R5.3), keyed by {@code topic/partition}; reporting-service
     * publishes, the offline verifier reads. Not itself notarised: each checkpoint is signed and chained.
     */
    public static final String CHECKPOINTS = "hcp.checkpoints";

    /**
     * Not a topic of record: each outbox relay's watermark, keyed by producer ({@code intake-service} …), the latest
     * one kept (compacted). A watermark says that every event its producer recorded at or before {@code recordedUpTo}
     * is already on its topic, so that a bulletin's cut-off can be one nothing recorded before it is still on its way
     * to (docs/events.md, "Watermarks").
     */
    public static final String WATERMARKS = "hcp.watermarks";

    /** The watermarks keep only the latest record per producer. */
    public static final Map<String, String> WATERMARK_CONFIG = Map.of("cleanup.policy", "compact");

    public static final String[] ALL = {RATINGS, CASES, DIRECTORY, RECTIFICATIONS, APPEALS, BULLETINS,
        DEAD_LETTER, CHECKPOINTS};

    /** The topics the notary checkpoints: every topic of record, all but the checkpoints themselves. */
    public static final String[] NOTARISED = {RATINGS, CASES, DIRECTORY, RECTIFICATIONS, APPEALS, BULLETINS,
        DEAD_LETTER};

    /** Every topic keeps every record forever: nothing is ever deleted or compacted away from the log of record. */
    public static final Map<String, String> CONFIG = Map.of(
            "retention.ms", "-1",
            "retention.bytes", "-1",
            "cleanup.policy", "delete");

    private Topics() {
    }
}
