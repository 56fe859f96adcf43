package org.hcp.kit.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
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
        return fromTheStart(consumer, List.of(topic));
    }

    /** Assigns every partition of every topic and rewinds them to their first offset; answers the partitions. */
    public static List<TopicPartition> fromTheStart(KafkaConsumer<String, String> consumer, List<String> topics) {
        List<TopicPartition> partitions = topics.stream()
                .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())))
                .toList();
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

    /**
     * Like {@link #replayUntil}, with the reading and the writing overlapped: while {@code write} stores one batch on
     * a thread of its own, this thread polls and {@code decode}s the next. Batches are written one at a time and in
     * the order they were read, so the result is the same as the sequential replay's; a failed write stops the
     * replay and is thrown here.
     */
    public static <T> long replayOverlapped(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end,
            Function<List<ConsumerRecord<String, String>>, T> decode, Consumer<T> write) {
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "replay-writer"));
        try {
            long replayed = 0;
            Future<?> writing = null;
            List<ConsumerRecord<String, String>> batch;
            while (!(batch = pollUntil(consumer, end)).isEmpty()) {
                T decoded = decode.apply(batch);
                awaitWrite(writing);
                writing = writer.submit(() -> write.accept(decoded));
                replayed += batch.size();
            }
            awaitWrite(writing);
            return replayed;
        } finally {
            writer.shutdownNow();
        }
    }

    private static void awaitWrite(Future<?> writing) {
        if (writing == null) {
            return;
        }
        try {
            writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
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
