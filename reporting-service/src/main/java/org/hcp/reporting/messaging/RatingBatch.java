package org.hcp.reporting.messaging;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.hcp.events.RatingSubmitted;
import org.hcp.kit.messaging.EventBatch;
import org.hcp.reporting.domain.CountedRating;

/** A replayed batch read into what statistics count, plus the next offset of every partition it covered. */
public record RatingBatch(List<CountedRating> ratings, Map<TopicPartition, Long> nextOffsets) {

    public static RatingBatch readSkippingUnreadable(List<ConsumerRecord<String, String>> records) {
        return of(EventBatch.readSkippingUnreadable(records, RatingSubmitted.class));
    }

    private static RatingBatch of(EventBatch<RatingSubmitted> batch) {
        return new RatingBatch(batch.events().stream().map(CountedRating::of).toList(), batch.nextOffsets());
    }
}
