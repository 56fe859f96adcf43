package org.hcp.kit.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.hcp.kit.config.FaultInjection;
import org.jboss.logging.Logger;

/**
 * Consumes topics into a read model: poll, apply the whole batch in one transaction, and only then commit the
 * Kafka offsets (docs/architecture.md, "Reading"). A failed batch is retried from its first record, never skipped.
 * Given {@link Positions}, each partition assigned to this loop starts where the read model says it stopped, not
 * where Kafka's committed offset says: a crash between the database commit and the Kafka commit then re-reads
 * nothing, and an emptied read model replays its partitions from the first offset.
 */
public final class ProjectionLoop implements BackgroundWorker, AutoCloseable {

    /** Where the read model says each partition continues; a partition it has never applied is absent. */
    @FunctionalInterface
    public interface Positions {
        Map<TopicPartition, Long> recorded();
    }

    private static final Logger LOG = Logger.getLogger(ProjectionLoop.class);

    private final String name;
    private final KafkaConsumer<String, String> consumer;
    private final List<String> topics;
    private final RecordBatchHandler handler;
    private final FaultInjection faults;
    private final Positions positions;
    /** Assigned partitions not yet moved to the read model's position; only touched by the loop's thread. */
    private final java.util.Set<TopicPartition> unpositioned = new java.util.HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String problem;

    /** A loop that trusts Kafka's committed offsets (for consumers without a read model of their own). */
    public ProjectionLoop(String name, KafkaConsumer<String, String> consumer, List<String> topics,
            RecordBatchHandler handler, FaultInjection faults) {
        this(name, consumer, topics, handler, faults, null);
    }

    /** @param positions the read model's own record of its offsets; null to trust Kafka's committed offsets */
    public ProjectionLoop(String name, KafkaConsumer<String, String> consumer, List<String> topics,
            RecordBatchHandler handler, FaultInjection faults, Positions positions) {
        this.name = name;
        this.consumer = consumer;
        this.topics = topics;
        this.handler = handler;
        this.faults = faults;
        this.positions = positions;
        this.thread = new Thread(this::run, "projection-" + name);
    }

    public ProjectionLoop start() {
        thread.start();
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String problem() {
        return thread.isAlive() || !running ? problem : "stopped unexpectedly: " + problem;
    }

    private void run() {
        if (positions == null) {
            consumer.subscribe(topics);
        } else {
            consumer.subscribe(topics, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
                    unpositioned.addAll(assigned);
                    position();
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
                    unpositioned.removeAll(revoked);
                }
            });
        }
        long backoff = 100;
        try {
            while (running) {
                try {
                    backoff = pollAndApply(backoff);
                } catch (WakeupException e) {
                    if (running) {
                        problem = "woken unexpectedly";
                    }
                } catch (RuntimeException e) {
                    // Broker unreachable, authorisation, …: never give up; health says what is wrong meanwhile.
                    problem = e.toString();
                    LOG.warnf("%s: %s; retrying in %d ms", name, e, backoff);
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 5_000);
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** One poll: apply the batch (retrying it from its first record if that fails), then commit its offsets. */
    private long pollAndApply(long backoff) {
        position();
        ConsumerRecords<String, String> polled = consumer.poll(Duration.ofMillis(500));
        if (polled.isEmpty()) {
            return backoff;
        }
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(polled.count());
        polled.forEach(batch::add);
        try {
            handler.apply(batch);
        } catch (Exception e) {
            problem = "batch failed, retrying: " + e;
            LOG.warnf("%s: batch of %d failed, retrying from its first record: %s", name, batch.size(), e);
            rewind(batch);
            sleep(backoff);
            return Math.min(backoff * 2, 5_000);
        }
        faults.afterProjectionCommit(name);
        try {
            consumer.commitSync(nextOffsets(batch));
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The partitions moved while we applied: their new owner gets the batch again and skips it as a
            // repeat, because the read model already records it.
            LOG.infof("%s: offsets not committed, partitions were reassigned: %s", name, e.getMessage());
        }
        problem = null;
        return 100;
    }

    /**
     * Moves newly assigned partitions to where the read model stopped. When the database cannot say (it is down), the
     * failure propagates, the loop backs off, and this runs again before the next poll: nothing is read unpositioned.
     */
    private void position() {
        if (positions == null || unpositioned.isEmpty()) {
            return;
        }
        List<TopicPartition> assigned = new ArrayList<>(unpositioned);
        Map<TopicPartition, Long> recorded = positions.recorded();
        List<TopicPartition> fresh = new ArrayList<>();
        for (TopicPartition partition : assigned) {
            Long next = recorded.get(partition);
            if (next == null) {
                fresh.add(partition);
            } else {
                consumer.seek(partition, next);
            }
        }
        if (!fresh.isEmpty()) {
            consumer.seekToBeginning(fresh);
        }
        unpositioned.clear();
        LOG.debugf("%s: resumed %d partition(s) from the read model, %d from the first offset", name,
                assigned.size() - fresh.size(), fresh.size());
    }

    private void rewind(List<ConsumerRecord<String, String>> batch) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, String> record : batch) {
            first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        first.forEach(consumer::seek);
    }

    static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<ConsumerRecord<String, String>> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, String> record : batch) {
            offsets.merge(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return offsets;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
