package org.hcp.reporting.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.Topics;
import org.hcp.kit.config.FaultInjection;
import org.hcp.kit.messaging.BackgroundWorker;
import org.hcp.kit.messaging.DeadLetters;
import org.hcp.kit.messaging.KafkaClients;
import org.hcp.kit.messaging.ProjectionLoop;
import org.hcp.reporting.repository.StatisticsRepository;
import org.jboss.logging.Logger;

/**
 * The live statistics projection: hcp.ratings into the live schema, one transaction per polled batch, offsets
 * committed to Kafka only after it (ProjectionLoop).
 */
@ApplicationScoped
public class RatingsConsumer implements BackgroundWorker {

    private static final Logger LOG = Logger.getLogger(RatingsConsumer.class);

    private final Pool pool;
    private final StatisticsRepository statistics;
    private final KafkaClients clients;
    private final DeadLetters deadLetters;
    private final FaultInjection faults;
    private final String groupId;
    private final int maxPollRecords;
    private ProjectionLoop loop;

    public RatingsConsumer(Pool pool, StatisticsRepository statistics, KafkaClients clients, DeadLetters deadLetters,
            FaultInjection faults,
            @ConfigProperty(name = "hcp.reporting.consumer-group") String groupId,
            @ConfigProperty(name = "hcp.reporting.max-poll-records") int maxPollRecords) {
        this.pool = pool;
        this.statistics = statistics;
        this.clients = clients;
        this.deadLetters = deadLetters;
        this.faults = faults;
        this.groupId = groupId;
        this.maxPollRecords = maxPollRecords;
    }

    void onStart(@Observes StartupEvent event) {
        loop = new ProjectionLoop("statistics", clients.consumer(groupId, "reporting-statistics", maxPollRecords),
                List.of(Topics.RATINGS), this::apply, faults).start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.close();
        }
    }

    /** Unreadable records are dead-lettered first (acknowledged), then the rest is applied in one transaction. */
    void apply(List<ConsumerRecord<String, String>> records) {
        RatingBatch batch = RatingBatch.read(records, (record, reason) -> deadLetters.send("statistics", record, reason));
        pool.withTransaction(tx -> statistics.activeSchema(tx, true)
                        .flatMap(schema -> statistics.apply(tx, schema, batch.ratings(), batch.nextOffsets())))
                .await().atMost(Duration.ofMinutes(2));
        LOG.debugf("statistics: applied %d rating(s)", batch.ratings().size());
    }

    @Override
    public String name() {
        return "statistics-projection";
    }

    @Override
    public String problem() {
        return loop == null ? "not started" : loop.problem();
    }
}
