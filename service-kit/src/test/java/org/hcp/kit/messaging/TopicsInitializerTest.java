package org.hcp.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.hcp.localstack.KafkaBroker;
import org.hcp.localstack.LocalStack;
import org.junit.jupiter.api.Test;

/** A service on an empty external Kafka creates its topics itself, kept forever. */
class TopicsInitializerTest {

    @Test
    void missingTopicsAreCreatedWithTheirPartitionsAndKeptForever() throws Exception {
        KafkaBroker kafka = LocalStack.shared().kafka();
        String topic = "hcp.test-" + UUID.randomUUID();
        new TopicsInitializer(new KafkaClients(kafka.bootstrapServers()), true, 2, (short) 1, 1).ensure(List.of(topic));
        try (Admin admin = kafka.admin()) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertEquals(2, description.partitions().size());
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertEquals("-1", config.get("retention.ms").value());
            assertEquals("1", config.get("min.insync.replicas").value(), "set explicitly, as the deployment says");
        }
        // A second start finds them and changes nothing.
        new TopicsInitializer(new KafkaClients(kafka.bootstrapServers()), true, 5, (short) 1, 1).ensure(List.of(topic));
        try (Admin admin = kafka.admin()) {
            assertTrue(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size() == 2);
        }
    }

    @Test
    void r5_3_moreInSyncReplicasThanReplicasIsRefused() {
        // Three brokers, two of which must hold a record: sound. Two of one: no record could ever be written.
        new TopicsInitializer(new KafkaClients("localhost:1"), false, 3, (short) 3, 2);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TopicsInitializer(new KafkaClients("localhost:1"), false, 3, (short) 1, 2));
    }
}
