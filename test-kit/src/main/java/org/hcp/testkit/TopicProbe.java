package org.hcp.testkit;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hcp.audit.tool.LogReader;

/** For tests: what is really on a topic, read from the broker from the first offset to the current end. */
public final class TopicProbe {

    private TopicProbe() {
    }

    public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        forEach(bootstrapServers, List.of(topic), Duration.ofSeconds(30), records::add);
        return records;
    }

    /**
     * Hands every record of {@code topics}, from the first offset to the end they have now, to {@code each}, without
     * holding them: for logs too big to keep in memory. Order is kept within a partition. The auditor's reader
     * (audit-tool {@link LogReader}) does the reading: a test reads the log as an auditor would.
     */
    public static long forEach(String bootstrapServers, List<String> topics, Duration timeout,
            java.util.function.Consumer<ConsumerRecord<String, String>> each) {
        return LogReader.at(bootstrapServers).forEach(topics, timeout, each);
    }

    /** Sends raw key/value pairs in order through one producer, waiting until every one is acknowledged. */
    public static void sendAll(String bootstrapServers, String topic, List<Map.Entry<String, String>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<Future<?>> acks = new ArrayList<>();
            for (Map.Entry<String, String> r : records) {
                acks.add(producer.send(new ProducerRecord<>(topic, r.getKey(), r.getValue())));
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /** Sends raw values (for poison-event tests and for feeding a consumer directly), waiting for each ack. */
    public static void send(String bootstrapServers, String topic, String key, String value) {
        // SimpleEntry, not Map.entry: a poison-event test may send without a key.
        sendAll(bootstrapServers, topic, List.of(new AbstractMap.SimpleEntry<>(key, value)));
    }
}
