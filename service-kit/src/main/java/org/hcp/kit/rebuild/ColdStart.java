package org.hcp.kit.rebuild;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.hcp.events.outcome.Outcome;
import org.hcp.kit.db.Transactions;
import org.hcp.kit.messaging.KafkaClients;
import org.hcp.kit.messaging.LogReplay;
import org.jboss.logging.Logger;

/**
 * A service that publishes its own decisions (rectification, appeal) and finds its database empty while its topic
 * holds them has lost its state: starting its projections then would decide everything again and publish it twice
 * (docs/operations.md). Called at start before any projection or relay, this rebuilds the service's tables from its
 * topic first; the projections, reading their inputs from the first offset, then find every decision made and add
 * nothing. A new deployment (empty database, empty topic) starts as always.
 */
public final class ColdStart {

    private static final Logger LOG = Logger.getLogger(ColdStart.class);

    private ColdStart() {
    }

    /**
     * @param holdsDecisions whether the service's own tables hold any decision (its repository's query)
     * @param ownTopic       the topic the service publishes its decisions to
     * @throws IllegalStateException when the topic cannot be read (the service then does not start, rather than
     *                               decide again), or when the rebuild does not complete
     */
    public static void rebuildIfStateLost(Pool pool, KafkaClients clients,
            Function<SqlConnection, Boolean> holdsDecisions, String ownTopic, Rebuild rebuild) {
        if (Transactions.inTransaction(pool, holdsDecisions)) {
            return;
        }
        long events = eventsOn(clients, ownTopic);
        if (events == 0) {
            return;
        }
        LOG.warnf("the database holds no decision but %s holds %d event(s): rebuilding the tables from the log "
                + "before anything is decided (docs/operations.md)", ownTopic, events);
        Outcome<?> outcome = rebuild.rebuild();
        if (!(outcome instanceof Outcome.Done<?> done)) {
            throw new IllegalStateException("the rebuild after a lost database did not complete: " + outcome);
        }
        LOG.infof("rebuilt from the log after a lost database: %s", done.value());
    }

    private static long eventsOn(KafkaClients clients, String topic) {
        try (KafkaConsumer<String, String> consumer = clients.consumer(null, "cold-start-check", 10)) {
            List<TopicPartition> partitions = LogReplay.fromTheStart(consumer, topic);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
            return partitions.stream().mapToLong(p -> end.get(p) - start.get(p)).sum();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot tell whether " + topic + " holds decisions this database lost; "
                    + "not starting rather than deciding again: " + e.getMessage(), e);
        }
    }
}
