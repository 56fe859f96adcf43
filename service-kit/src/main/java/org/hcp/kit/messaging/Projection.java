package org.hcp.kit.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hcp.events.EventPayload;
import org.hcp.kit.config.FaultInjection;
import org.jboss.logging.Logger;

/**
 * A read model fed from topics: each polled batch is read into events (unreadable ones dead-lettered first), then
 * applied by {@link #apply} in one transaction that also records the batch's offsets; only after it commits are
 * the Kafka offsets committed ({@link ProjectionLoop}). Subclasses say how events change their tables; they are
 * {@code @Singleton} beans (a normal scope would need a proxy, and so a no-args constructor).
 */
public abstract class Projection<P extends EventPayload> implements BackgroundWorker {

    private static final Logger LOG = Logger.getLogger(Projection.class);

    /** The beans every projection needs, injected once. */
    @jakarta.inject.Singleton
    public static class Support {
        final Pool pool;
        final KafkaClients clients;
        final DeadLetters deadLetters;
        final FaultInjection faults;

        public Support(Pool pool, KafkaClients clients, DeadLetters deadLetters, FaultInjection faults) {
            this.pool = pool;
            this.clients = clients;
            this.deadLetters = deadLetters;
            this.faults = faults;
        }
    }

    private final String name;
    private final Class<P> type;
    private final List<String> topics;
    private final String groupId;
    private final Support support;
    private ProjectionLoop loop;

    protected Projection(String name, Class<P> type, List<String> topics, String groupId, Support support) {
        this.name = name;
        this.type = type;
        this.topics = topics;
        this.groupId = groupId;
        this.support = support;
    }

    /** Applies the batch and records {@code batch.nextOffsets()} in the given transaction; idempotent per event. */
    protected abstract Uni<Void> apply(SqlConnection tx, EventBatch<P> batch);

    void onStart(@Observes StartupEvent event) {
        loop = new ProjectionLoop(name, support.clients.consumer(groupId, name, 1000), topics, this::applyRecords,
                support.faults).start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.close();
        }
    }

    private void applyRecords(List<ConsumerRecord<String, String>> records) {
        EventBatch<P> batch = EventBatch.read(records, type,
                (record, reason) -> support.deadLetters.send(name, record, reason));
        support.pool.withTransaction(tx -> apply(tx, batch)).await().atMost(Duration.ofMinutes(2));
        LOG.debugf("%s: applied %d event(s)", name, batch.events().size());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String problem() {
        return loop == null ? "not started" : loop.problem();
    }
}
