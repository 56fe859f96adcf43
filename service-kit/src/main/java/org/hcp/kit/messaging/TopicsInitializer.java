package org.hcp.kit.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.Topics;
import org.jboss.logging.Logger;

/**
 * Creates the platform's topics that do not exist yet (never alters existing ones), before any consumer
 * subscribes, so a service on an empty external Kafka works without a manual step. If Kafka is unreachable the
 * service still starts: its relay and consumers retry, and whoever starts first later creates the topics.
 */
@ApplicationScoped
public class TopicsInitializer {

    private static final Logger LOG = Logger.getLogger(TopicsInitializer.class);

    private final KafkaClients clients;
    private final boolean enabled;
    private final int partitions;
    private final short replicationFactor;
    private final int minInSyncReplicas;

    /**
     * @param minInSyncReplicas R5.3: how many replicas must hold a record before it is acknowledged (with the
     *                          producers' acks=all): 2 of 3 survives a lost broker without losing an acknowledged
     *                          record; at most the replication factor
     */
    public TopicsInitializer(KafkaClients clients,
            @ConfigProperty(name = "hcp.kafka.topics.create", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "hcp.kafka.topics.partitions", defaultValue = "3") int partitions,
            @ConfigProperty(name = "hcp.kafka.topics.replication-factor", defaultValue = "1") short replicationFactor,
            @ConfigProperty(name = "hcp.kafka.topics.min-insync-replicas", defaultValue = "1") int minInSyncReplicas) {
        if (minInSyncReplicas < 1 || minInSyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("hcp.kafka.topics.min-insync-replicas must be 1.."
                    + replicationFactor + " (the replication factor)");
        }
        this.clients = clients;
        this.enabled = enabled;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.minInSyncReplicas = minInSyncReplicas;
    }

    /** A topic's configuration as created: the given one, with this deployment's minimum in-sync replicas. */
    private Map<String, String> withMinInSync(Map<String, String> config) {
        Map<String, String> out = new HashMap<>(config);
        out.put("min.insync.replicas", Integer.toString(minInSyncReplicas));
        return out;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (enabled) {
            ensure(List.of(Topics.ALL));
            ensure(List.of(Topics.WATERMARKS));
        }
    }

    /** Creates those of {@code topics} that are missing; logs and goes on when Kafka cannot be reached. */
    void ensure(List<String> topics) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, clients.bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    // One partition keeps a producer's watermarks in order; compacted, as only the latest counts.
                    missing.add(topic.equals(Topics.WATERMARKS)
                            ? new NewTopic(topic, 1, replicationFactor).configs(withMinInSync(Topics.WATERMARK_CONFIG))
                            : new NewTopic(topic, partitions, replicationFactor).configs(withMinInSync(Topics.CONFIG)));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                awaitVisible(admin, missing.stream().map(NewTopic::name).toList());
                LOG.infof("created topics %s", missing.stream().map(NewTopic::name).toList());
            }
        } catch (Exception e) {
            if (e.getCause() instanceof TopicExistsException) {
                return; // another service created it a moment ago
            }
            LOG.warnf("could not check or create the topics now (%s); relay and consumers will retry", e.toString());
        }
    }

    /**
     * A created topic's metadata reaches the broker's cache a moment after the creation is acknowledged; until then
     * producers and describers are told it does not exist. Return only once it can be described.
     */
    private static void awaitVisible(Admin admin, List<String> topics) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
