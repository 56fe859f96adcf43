package org.hcp.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.hcp.kit.config.FaultInjection;
import org.hcp.localstack.KafkaBroker;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.TopicProbe;
import org.junit.jupiter.api.Test;

/** The consumer loop on a real broker: nothing skipped, offsets only after the batch, replicas sharing a group. */
class ProjectionLoopTest {

    private final KafkaBroker kafka = LocalStack.shared().kafka();
    private final KafkaClients clients = new KafkaClients(kafka.bootstrapServers());
    private final FaultInjection noFaults = new FaultInjection(false, java.util.Optional.empty());

    private String newTopic() {
        String topic = "hcp.loop-test-" + UUID.randomUUID();
        kafka.createTopics(3, topic);
        return topic;
    }

    private void send(String topic, int from, int to) {
        for (int i = from; i < to; i++) {
            TopicProbe.send(kafka.bootstrapServers(), topic, "k" + i, "v" + i);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 60 s");
            Thread.sleep(100);
        }
    }

    @Test
    void aFailedBatchIsRetriedFromItsFirstRecordAndOffsetsFollowOnlyAppliedBatches() throws Exception {
        String topic = newTopic();
        String group = "g-" + UUID.randomUUID();
        send(topic, 0, 50);
        Set<String> applied = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        RecordBatchHandler failingTwice = records -> {
            if (calls.incrementAndGet() <= 2) {
                throw new IllegalStateException("database unavailable");
            }
            records.forEach(r -> applied.add(r.value()));
        };
        try (ProjectionLoop loop = new ProjectionLoop("test", clients.consumer(group, "t", 10), List.of(topic),
                failingTwice, noFaults).start()) {
            awaitTrue(() -> applied.size() == 50);
            awaitTrue(() -> loop.problem() == null);
        }
        assertTrue(calls.get() > 2);
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                    Map.of(group, new ListConsumerGroupOffsetsSpec())).partitionsToOffsetAndMetadata(group).get();
            assertEquals(50, committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum(),
                    "every partition committed to its end, and only after its records were applied");
        }
    }

    @Test
    void twoReplicasInOneGroupApplyEveryRecordThroughARebalanceAndStayHealthy() throws Exception {
        String topic = newTopic();
        String group = "g-" + UUID.randomUUID();
        Set<String> applied = ConcurrentHashMap.newKeySet();
        RecordBatchHandler handler = records -> records.forEach(r -> applied.add(r.value()));
        try (ProjectionLoop first = new ProjectionLoop("first", clients.consumer(group, "a", 20), List.of(topic),
                handler, noFaults).start()) {
            send(topic, 0, 100);
            try (ProjectionLoop second = new ProjectionLoop("second", clients.consumer(group, "b", 20),
                    List.of(topic), handler, noFaults).start()) {
                send(topic, 100, 200);
                awaitTrue(() -> applied.size() == 200);
                assertNull(second.problem());
            }
            send(topic, 200, 300);
            awaitTrue(() -> applied.size() == 300);
            awaitTrue(() -> first.problem() == null);
        }
    }

    @Test
    void theReadModelsRecordedPositionsWinOverKafkasCommittedOffsetsAndNoRecordMeansFromTheFirstOffset()
            throws Exception {
        String topic = newTopic();
        String group = "g-" + UUID.randomUUID();
        send(topic, 0, 60);
        // A first run commits the group's offsets to the end of every partition, as a live projection would.
        Set<String> first = ConcurrentHashMap.newKeySet();
        try (ProjectionLoop loop = new ProjectionLoop("first", clients.consumer(group, "a", 50), List.of(topic),
                records -> records.forEach(r -> first.add(r.value())), noFaults).start()) {
            awaitTrue(() -> first.size() == 60);
        }
        // The read model says: partition 0 from offset 3, partition 1 from 0 (its record), partition 2 never read.
        Map<TopicPartition, Long> recorded = Map.of(new TopicPartition(topic, 0), 3L, new TopicPartition(topic, 1), 0L);
        Map<Integer, Long> sizes = new java.util.HashMap<>();
        try (Admin admin = kafka.admin()) {
            admin.listConsumerGroupOffsets(Map.of(group, new ListConsumerGroupOffsetsSpec()))
                    .partitionsToOffsetAndMetadata(group).get()
                    .forEach((partition, offset) -> sizes.put(partition.partition(), offset.offset()));
        }
        long expected = Math.max(0, sizes.get(0) - 3) + sizes.get(1) + sizes.get(2);
        java.util.List<String> again = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (ProjectionLoop loop = new ProjectionLoop("resumed", clients.consumer(group, "b", 50), List.of(topic),
                records -> records.forEach(r -> again.add(r.partition() + "/" + r.offset())), noFaults,
                () -> recorded).start()) {
            awaitTrue(() -> again.size() == expected);
            Thread.sleep(500);
        }
        assertEquals(expected, again.size(), "from the recorded positions, not from the group's committed end");
        assertTrue(again.stream().noneMatch(java.util.Set.of("0/0", "0/1", "0/2")::contains),
                "partition 0 resumed at its recorded offset 3: " + again);
    }

    @Test
    void theLagGaugeShowsWhatIsLeftToReadAndFallsToZeroOnceCaughtUp() throws Exception {
        // Given 50 records read 10 a poll by a projection whose first batch waits
        String topic = newTopic();
        send(topic, 0, 50);
        var metrics = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger applied = new AtomicInteger();
        RecordBatchHandler slowFirst = records -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            applied.addAndGet(records.size());
        };
        try (ProjectionLoop loop = new ProjectionLoop("lagging", clients.consumer("g-" + UUID.randomUUID(), "t", 10),
                List.of(topic), slowFirst, noFaults).countedIn(metrics).start()) {
            var gauge = metrics.get("hcp.projection.lag").tag("projection", "lagging").gauge();
            // then while it holds its first batch the gauge says how many records lie beyond what it polled
            awaitTrue(() -> gauge.value() > 0);
            assertTrue(gauge.value() <= 50, "at most what was sent: " + gauge.value());
            release.countDown();
            // and once it has read everything, nothing
            awaitTrue(() -> applied.get() == 50);
            awaitTrue(() -> gauge.value() == 0);
        }
    }
}
