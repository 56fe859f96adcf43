package org.hcp.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hcp.events.EventPayload;
import org.hcp.kit.config.FaultInjection;
import org.hcp.kit.db.Transactions;
import org.jboss.logging.Logger;

/**
 * The projection contract (docs/architecture.md, "Reading"): a read model fed from topics. Each polled batch is read
 * into events (unreadable ones dead-lettered first), applied by {@link #apply} and its offsets recorded in
 * {@code consumed_offset}, all in one transaction; only after it commits are the Kafka offsets committed. On
 * partition assignment the projection resumes from the offsets it recorded, or from the first offset when it has
 * none, so the database is the truth and an emptied read model rebuilds itself. Subclasses only say how events
 * change their tables; they are {@code @Singleton} beans (a normal scope would need a proxy, and so a no-args
 * constructor).
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
        final MeterRegistry metrics;

        public Support(Pool pool, KafkaClients clients, DeadLetters deadLetters, FaultInjection faults,
                MeterRegistry metrics) {
            this.pool = pool;
            this.clients = clients;
            this.deadLetters = deadLetters;
            this.faults = faults;
            this.metrics = metrics;
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

    /**
     * Applies the batch's events in {@code tx} (sequential code: docs/architecture.md, "The database"). Idempotent
     * per event: the offsets make a redelivery rare, the de-duplication makes it harmless.
     */
    protected abstract void apply(SqlConnection tx, EventBatch<P> batch);

    /** A projection a service may leave off by configuration answers false; it then neither runs nor reports. */
    protected boolean enabled() {
        return true;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled()) {
            return;
        }
        loop = new ProjectionLoop(name, support.clients.consumer(groupId, name, 1000), topics, this::applyRecords,
                support.faults, () -> ConsumedOffsets.read(support.pool, name)).countedIn(support.metrics).start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.close();
        }
    }

    private void applyRecords(List<ConsumerRecord<String, String>> records) {
        EventBatch<P> batch = EventBatch.read(records, type,
                (record, reason) -> support.deadLetters.send(name, record, reason));
        Transactions.inTransaction(support.pool, tx -> {
            apply(tx, batch);
            ConsumedOffsets.record(tx, name, batch.nextOffsets());
            return null;
        });
        LOG.debugf("%s: applied %d event(s)", name, batch.events().size());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String problem() {
        if (!enabled()) {
            return null;
        }
        return loop == null ? "not started" : loop.problem();
    }
}
