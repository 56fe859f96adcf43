package org.hcp.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.hcp.localstack.KafkaBroker;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.TopicProbe;
import org.junit.jupiter.api.Test;

/** A rebuild's overlapped replay writes what the sequential one writes, in the same order, and stops on a failure. */
class LogReplayTest {

    private static final KafkaBroker KAFKA = LocalStack.shared().kafka();

    private static String topicOf(int records) throws Exception {
        String topic = "hcp.test-replay-" + UUID.randomUUID();
        new TopicsInitializer(new KafkaClients(KAFKA.bootstrapServers()), true, 1, (short) 1, 1).ensure(List.of(topic));
        List<Map.Entry<String, String>> values = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            values.add(Map.entry("k", Integer.toString(i)));
        }
        TopicProbe.sendAll(KAFKA.bootstrapServers(), topic, values);
        return topic;
    }

    @Test
    void overlappedReplayWritesEveryBatchOnceAndInOrder() throws Exception {
        String topic = topicOf(5_000);
        List<String> written = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaClients(KAFKA.bootstrapServers())
                .consumer(null, "replay-test", 300)) {
            var partitions = LogReplay.fromTheStart(consumer, topic);
            long replayed = LogReplay.replayOverlapped(consumer, consumer.endOffsets(partitions, Duration.ofSeconds(10)),
                    records -> records.stream().map(ConsumerRecord::value).toList(), batch -> {
                        sleep(); // a slow writer: the reader runs ahead by one batch, never more
                        written.addAll(batch);
                    });
            assertEquals(5_000, replayed);
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            expected.add(Integer.toString(i));
        }
        assertEquals(expected, written);
    }

    @Test
    void aFailedWriteStopsTheReplayAndIsThrown() throws Exception {
        String topic = topicOf(2_000);
        List<Integer> batches = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaClients(KAFKA.bootstrapServers())
                .consumer(null, "replay-test", 100)) {
            var partitions = LogReplay.fromTheStart(consumer, topic);
            var end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> LogReplay.replayOverlapped(
                    consumer, end, List::size, size -> {
                        batches.add(size);
                        if (batches.size() == 3) {
                            throw new IllegalStateException("the database went away");
                        }
                    }));
            assertEquals("the database went away", e.getMessage());
        }
        assertEquals(3, batches.size(), "nothing is written after the failed batch");
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
