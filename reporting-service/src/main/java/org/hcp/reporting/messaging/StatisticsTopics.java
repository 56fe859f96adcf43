package org.hcp.reporting.messaging;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hcp.events.EventPayload;
import org.hcp.events.Topics;
import org.hcp.kit.messaging.EventBatch;

/** The topics the statistics follow, and how a replayed batch of them is read. */
public final class StatisticsTopics {

    /**
     * Everything a figure counts: ratings, cases (coverage), rectifications and appeals (R4.1); and the directory, for
     * the names of what is counted (R4.2).
     */
    public static final List<String> TOPICS = List.of(Topics.RATINGS, Topics.CASES, Topics.RECTIFICATIONS,
            Topics.APPEALS, Topics.DIRECTORY);

    private StatisticsTopics() {
    }

    /** For replays: records dead-lettered when first read are skipped again. */
    public static EventBatch<EventPayload> readSkippingUnreadable(List<ConsumerRecord<String, String>> records) {
        return EventBatch.readSkippingUnreadable(records, EventPayload.class);
    }
}
