package org.hcp.audit.tool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hcp.audit.LoggedRecord;

/**
 * Reads topics of the log from their first offset to the end they have when asked, with nothing but Kafka's client:
 * the auditor's tool runs beside a cluster, not inside the platform. audit-service hands it consumers configured like
 * its own (their security settings), {@code ./hcp audit} one that names only the bootstrap servers.
 */
public final class LogReader {

    private final Supplier<KafkaConsumer<String, String>> consumers;

    public LogReader(Supplier<KafkaConsumer<String, String>> consumers) {
        this.consumers = consumers;
    }

    /** A reader of the cluster at {@code bootstrapServers}, without credentials (the local stack, a test). */
    public static LogReader at(String bootstrapServers) {
        return new LogReader(() -> new KafkaConsumer<>(plainConsumer(bootstrapServers)));
    }

    static Properties plainConsumer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return props;
    }

    /**
     * Hands every record of {@code topics}, from the first offset to the end they have now, to {@code each}, without
     * holding them: logs too big for memory pass through. Order is kept within a partition.
     */
    public long forEach(List<String> topics, Duration timeout, Consumer<ConsumerRecord<String, String>> each) {
        try (KafkaConsumer<String, String> consumer = consumers.get()) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                            .map(p -> new TopicPartition(topic, p.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long read = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topics + " to their end in " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    // Records that arrived after the end was taken belong to a later reading.
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                        read++;
                    }
                }
            }
            return read;
        }
    }

    /** One record as the notary and the verifier hash it (R5.3): the same conversion on both sides. */
    public static LoggedRecord logged(ConsumerRecord<byte[], byte[]> record) {
        List<LoggedRecord.Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new LoggedRecord.Header(header.key(), header.value()));
        }
        return new LoggedRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key(), record.value(), headers);
    }
}
