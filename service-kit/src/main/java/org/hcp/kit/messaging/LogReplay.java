package org.hcp.kit.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reading a topic from its first offset up to a given end, for rebuilds (docs/architecture.md, "Reading"): a
 * consumer without a group, assigned every partition, handing over one polled batch at a time.
 */
public final class LogReplay {

    private LogReplay() {
    }

    /** Assigns every partition of {@code topic} and rewinds them to their first offset; answers the partitions. */
    public static List<TopicPartition> fromTheStart(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    /** Replays up to {@code end}, handing each polled batch to {@code apply}; answers how many records it read. */
    public static long replayUntil(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end,
            Consumer<List<ConsumerRecord<String, String>>> apply) {
        long replayed = 0;
        List<ConsumerRecord<String, String>> batch;
        while (!(batch = pollUntil(consumer, end)).isEmpty()) {
            apply.accept(batch);
            replayed += batch.size();
        }
        return replayed;
    }

    /** The next records before {@code end}; empty once every partition has reached it. */
    private static List<ConsumerRecord<String, String>> pollUntil(KafkaConsumer<String, String> consumer,
            Map<TopicPartition, Long> end) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        while (batch.isEmpty() && end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    batch.add(record);
                }
            }
            // A poll may read past the end: step back, so that a later replay (the switch-over) reads those records.
            end.forEach((partition, offset) -> {
                if (consumer.position(partition) > offset) {
                    consumer.seek(partition, offset);
                }
            });
        }
        return batch;
    }
}
