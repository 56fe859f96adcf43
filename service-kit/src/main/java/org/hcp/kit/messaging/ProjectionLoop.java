package org.hcp.kit.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CommitFailedException;
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
 * Kafka offsets (docs/architecture.md, "Reading"). A crash between the two redelivers the batch, which the handler's
 * de-duplication makes harmless. A failed batch is retried from its first record, never skipped.
 */
public final class ProjectionLoop implements BackgroundWorker, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ProjectionLoop.class);

    private final String name;
    private final KafkaConsumer<String, String> consumer;
    private final List<String> topics;
    private final RecordBatchHandler handler;
    private final FaultInjection faults;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String problem;

    public ProjectionLoop(String name, KafkaConsumer<String, String> consumer, List<String> topics,
            RecordBatchHandler handler, FaultInjection faults) {
        this.name = name;
        this.consumer = consumer;
        this.topics = topics;
        this.handler = handler;
        this.faults = faults;
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
        consumer.subscribe(topics);
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
