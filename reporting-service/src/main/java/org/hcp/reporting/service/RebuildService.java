package org.hcp.reporting.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.hcp.events.outcome.Outcome;
import org.hcp.events.outcome.Text;
import org.hcp.kit.messaging.ConsumedOffsets;
import org.hcp.kit.messaging.KafkaClients;
import org.hcp.kit.messaging.LogReplay;
import org.hcp.kit.rebuild.Rebuild;
import org.hcp.reporting.messaging.StatisticsTopics;
import org.hcp.reporting.repository.StatisticsRepository;
import org.jboss.logging.Logger;

/**
 * Rebuilds the statistics from the log (docs/architecture.md, "Reading"): replay their five topics from the first
 * offsets into the schema that is not live, through the live projection's own writer; then, holding the switch lock
 * so the live projection pauses, replay what arrived meanwhile, record the end as the projection's position and make
 * that schema live.
 */
@ApplicationScoped
public class RebuildService implements Rebuild {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    private final Pool pool;
    private final StatisticsRepository statistics;
    private final StatisticsWriter writer;
    private final StatisticsReplay replay;
    private final KafkaClients clients;
    private final ReentrantLock running = new ReentrantLock();

    public RebuildService(Pool pool, StatisticsRepository statistics, StatisticsWriter writer,
            StatisticsReplay replay, KafkaClients clients) {
        this.replay = replay;
        this.pool = pool;
        this.statistics = statistics;
        this.writer = writer;
        this.clients = clients;
    }

    public record RebuildResult(String previousSchema, String liveSchema, long eventsReplayed, long durationMs) {
    }

    @Override
    public Outcome<RebuildResult> rebuild() {
        if (!running.tryLock()) {
            return Outcome.conflict("rebuild-running", Text.of("rebuild.running"),
                    "wait for the running rebuild to finish");
        }
        long started = System.nanoTime();
        try (KafkaConsumer<String, String> consumer = clients.consumer(null, "reporting-rebuild", 2000)) {
            String previous = inTransaction(pool, tx -> statistics.liveSchema(tx, StatisticsRepository.Lock.NONE));
            String target = previous.equals("rm_a") ? "rm_b" : "rm_a";
            LOG.infof("rebuild: replaying %s into %s (live: %s)", StatisticsTopics.TOPICS, target, previous);
            long replayed = replay.fill(consumer, target, event -> true);
            replayed += switchOver(consumer, List.copyOf(consumer.assignment()), target);
            long ms = (System.nanoTime() - started) / 1_000_000;
            LOG.infof("rebuild: %d event(s) replayed into %s, now live, in %d ms", replayed, target, ms);
            return Outcome.done(new RebuildResult(previous, target, replayed, ms));
        } finally {
            running.unlock();
        }
    }

    /**
     * Under the switch lock: catch up to the current end of the log in the same transaction, record that end as the
     * live projection's position (it holds everything before it now), then switch.
     */
    private long switchOver(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions, String target) {
        return inTransaction(pool, tx -> {
            statistics.liveSchema(tx, StatisticsRepository.Lock.SWITCH);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long replayed = LogReplay.replayUntil(consumer, end,
                    records -> writer.apply(tx, target, StatisticsTopics.readSkippingUnreadable(records).events()));
            ConsumedOffsets.record(tx, StatisticsRepository.PROJECTION, end);
            statistics.switchTo(tx, target);
            return replayed;
        });
    }
}
