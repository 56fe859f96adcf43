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
import org.hcp.localstack.TopicProbe;
import org.junit.jupiter.api.Test;

/** The consumer loop on a real broker: nothing skipped, offsets only after the batch, replicas sharing a group. */
class ProjectionLoopTest {

    private final KafkaBroker kafka = LocalStack.shared().kafka();
    private final KafkaClients clients = new KafkaClients(kafka.bootstrapServers());
    private final FaultInjection noFaults = new FaultInjection(false);

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
}
