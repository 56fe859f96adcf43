package org.hcp.kit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Kafka producers and consumers configured the one way this platform needs them. */
@ApplicationScoped
public class KafkaClients {

    private final String bootstrapServers;

    public KafkaClients(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Idempotent, {@code acks=all}, order kept per partition. Short timeouts so that an unreachable broker fails a
     * relay round quickly and the rows simply wait in the outbox for the next one.
     */
    public KafkaProducer<String, String> producer(String clientId) {
        return producer(clientId, props -> { });
    }

    private KafkaProducer<String, String> producer(String clientId, Consumer<Properties> more) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        more.accept(props);
        return new KafkaProducer<>(props);
    }

    /**
     * Offsets are committed by hand, only after the read model is written ({@link ProjectionLoop}).
     *
     * @param groupId null for a consumer that assigns partitions itself (replays)
     */
    public KafkaConsumer<String, String> consumer(String groupId, String clientId, int maxPollRecords) {
        return new KafkaConsumer<>(consumerProperties(groupId, clientId, maxPollRecords));
    }

    private Properties consumerProperties(String groupId, String clientId, int maxPollRecords) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
        props.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        // A replica that dies holds its partitions until the session times out: 10 s, not the default 45 s.
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }

    /**
     * A transactional producer (the notary's): only the instance that called {@code initTransactions()} last can
     * commit, so two replicas never both extend one chain; what a fenced one had in flight is aborted.
     */
    public KafkaProducer<String, String> transactionalProducer(String clientId, String transactionalId) {
        return producer(clientId, props -> props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId));
    }

    /**
     * Records byte for byte, without a group (the caller assigns and seeks): what the notary and the verifier hash
     * must be exactly what the log holds, not a decoded string.
     */
    public KafkaConsumer<byte[], byte[]> rawConsumer(String clientId, int maxPollRecords) {
        Properties props = consumerProperties(null, clientId, maxPollRecords);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }
}
