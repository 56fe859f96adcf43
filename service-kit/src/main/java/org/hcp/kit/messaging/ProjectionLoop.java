package org.hcp.kit.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
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
    private final Set<TopicPartition> unpositioned = new HashSet<>();
    private MeterRegistry metrics;
    private WorkerThread worker;
    private boolean subscribed;

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
    }

    /** Counts the loop's rounds and failures there (hcp_worker_*_total, worker="projection-NAME"). */
    public ProjectionLoop countedIn(MeterRegistry metrics) {
        this.metrics = metrics;
        // Records on the log this projection has not read yet, as of its last poll: the consumer lag an operator
        // alerts on (docs/operations.md). Read on the worker's thread, where the consumer lives; the gauge reads a copy.
        Gauge.builder("hcp.projection.lag", this, p -> p.lag).tag("projection", name)
                .description("records on the projection's partitions not read yet, as of its last poll")
                .register(metrics);
        return this;
    }

    private volatile double lag;

    /** The sum over the assigned partitions of what the last fetch knew lies beyond the position. */
    private double lagNow() {
        long sum = 0;
        for (TopicPartition partition : consumer.assignment()) {
            sum += consumer.currentLag(partition).orElse(0);
        }
        return sum;
    }

    public ProjectionLoop start() {
        // The consumer is not thread-safe: it is subscribed, polled and closed on the worker's thread only.
        worker = new WorkerThread("projection-" + name, this::pollAndApply, metrics)
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(5))
                .onExit(() -> consumer.close(Duration.ofSeconds(2)))
                .start();
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String problem() {
        return worker == null ? "not started" : worker.problem();
    }

    private void subscribe() {
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
        subscribed = true;
    }

    /**
     * One round: poll, apply the batch, then commit its offsets. A failed batch is rewound to its first record and
     * the failure thrown, so the worker backs off and the next round applies the same batch again.
     */
    private Duration pollAndApply() {
        if (!subscribed) {
            subscribe();
        }
        position();
        ConsumerRecords<String, String> polled = consumer.poll(Duration.ofMillis(500));
        lag = lagNow();
        if (polled.isEmpty()) {
            return Duration.ZERO;
        }
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(polled.count());
        polled.forEach(batch::add);
        try {
            handler.apply(batch);
        } catch (Exception e) {
            rewind(batch);
            throw new IllegalStateException("batch of " + batch.size() + " failed, retrying from its first record: "
                    + e, e);
        }
        faults.afterProjectionCommit(name, polled.partitions().stream().map(TopicPartition::topic).toList());
        try {
            consumer.commitSync(nextOffsets(batch));
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The partitions moved while we applied: their new owner gets the batch again and skips it as a
            // repeat, because the read model already records it.
            LOG.infof("%s: offsets not committed, partitions were reassigned: %s", name, e.getMessage());
        }
        return Duration.ZERO;
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

    @Override
    public void close() {
        // A poll waits at most 500 ms, so the loop sees the stop soon without waking the consumer.
        if (worker != null) {
            worker.close();
        }
    }
}
