package org.hcp.reporting.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.hcp.events.EventJson;
import org.hcp.events.RatingSubmitted;
import org.hcp.reporting.domain.CountedRating;

/** A polled batch read into ratings, plus the next offset of every partition it covered. */
public record RatingBatch(List<CountedRating> ratings, Map<TopicPartition, Long> nextOffsets) {

    /**
     * @param unreadable told of every record that is not a readable RatingSubmitted, with the reason
     */
    public static RatingBatch read(List<ConsumerRecord<String, String>> records,
            BiConsumer<ConsumerRecord<String, String>, String> unreadable) {
        List<CountedRating> ratings = new ArrayList<>(records.size());
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
            try {
                ratings.add(CountedRating.of(EventJson.read(record.value(), RatingSubmitted.class)));
            } catch (EventJson.UnreadableEventException | NullPointerException e) {
                unreadable.accept(record, "unreadable RatingSubmitted: " + e.getMessage());
            }
        }
        return new RatingBatch(ratings, next);
    }
}
