package org.hcp.kit.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.events.EventPayload;

/** A polled batch read into events of one type, plus the next offset of every partition it covered. */
public record EventBatch<P extends EventPayload>(List<EventEnvelope<P>> events, Map<TopicPartition, Long> nextOffsets) {

    /**
     * @param unreadable told of every record that is not a readable event of the type, with the reason
     */
    public static <P extends EventPayload> EventBatch<P> read(List<ConsumerRecord<String, String>> records,
            Class<P> type, BiConsumer<ConsumerRecord<String, String>, String> unreadable) {
        List<EventEnvelope<P>> events = new ArrayList<>(records.size());
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
            try {
                events.add(EventJson.read(record.value(), type));
            } catch (EventJson.UnreadableEventException | NullPointerException e) {
                unreadable.accept(record, "unreadable " + type.getSimpleName() + ": " + e.getMessage());
            }
        }
        return new EventBatch<>(events, next);
    }

    /** For replays: records that were dead-lettered when first read are skipped again, silently. */
    public static <P extends EventPayload> EventBatch<P> readSkippingUnreadable(
            List<ConsumerRecord<String, String>> records, Class<P> type) {
        return read(records, type, (record, reason) -> { });
    }
}
