package org.hcp.rectification.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.hcp.events.Topics;
import org.hcp.events.outcome.Outcome;
import org.hcp.events.outcome.Text;
import org.hcp.kit.messaging.KafkaClients;
import org.hcp.kit.messaging.LogReplay;
import org.hcp.kit.outbox.Outbox;
import org.hcp.kit.rebuild.Rebuild;
import org.hcp.rectification.repository.RebuildRepository;
import org.jboss.logging.Logger;

/**
 * Rebuilds the ledger from the log (docs/architecture.md, "Reading"): replays hcp.rectifications into scratch tables
 * and folds them there while the service goes on; then, holding the ledger's write lock (reads go on, writers wait),
 * lets the outbox drain, folds what arrived meanwhile, counts how the rebuilt tables differ from the live ones and
 * puts them in their place. A rebuild of a healthy ledger finds no difference: the live rows are the same fold.
 */
@ApplicationScoped
public class RebuildService implements Rebuild {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final Pool pool;
    private final RebuildRepository rebuild;
    private final KafkaClients clients;
    private final ReentrantLock running = new ReentrantLock();

    public RebuildService(Pool pool, RebuildRepository rebuild, KafkaClients clients) {
        this.pool = pool;
        this.rebuild = rebuild;
        this.clients = clients;
    }

    /**
     * @param differences rows (ledger and events) that were not as the log says, now replaced; 0 for a healthy ledger
     */
    public record RebuildResult(long eventsReplayed, int rectifications, long differences, long durationMs) {
    }

    @Override
    public Outcome<RebuildResult> rebuild() {
        if (!running.tryLock()) {
            return Outcome.conflict("rebuild-running", Text.of("rebuild.running"),
                    "wait for the running rebuild to finish");
        }
        long started = System.nanoTime();
        try (KafkaConsumer<String, String> consumer = clients.consumer(null, "rectification-rebuild", 2000)) {
            inTransaction(pool, tx -> {
                rebuild.clear(tx);
                return null;
            });
            List<TopicPartition> partitions = LogReplay.fromTheStart(consumer, Topics.RECTIFICATIONS);
            long replayed = LogReplay.replayUntil(consumer, consumer.endOffsets(partitions, Duration.ofSeconds(30)),
                    records -> inTransaction(pool, tx -> {
                        rebuild.read(tx, records);
                        return null;
                    }));
            int rectifications = inTransaction(pool, tx -> rebuild.fold(tx, null));
            Outcome<RebuildResult> result = inTransaction(pool, tx -> {
                rebuild.lockLedger(tx);
                if (!Outbox.awaitDrained(tx, Topics.RECTIFICATIONS, DRAIN)) {
                    return Outcome.conflict("rebuild-outbox", Text.of("rebuild.outboxNotDrained"),
                            "events of " + Topics.RECTIFICATIONS + " still wait in the outbox after " + DRAIN
                                    + "; is Kafka reachable?");
                }
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
                long[] caughtUp = {0};
                LogReplay.replayUntil(consumer, end, records -> {
                    rebuild.read(tx, records);
                    rebuild.fold(tx, RebuildRepository.keysOf(records));
                    caughtUp[0] += records.size();
                });
                long differences = rebuild.differences(tx);
                if (differences > 0) {
                    rebuild.swapIn(tx);
                }
                long ms = (System.nanoTime() - started) / 1_000_000;
                return Outcome.done(new RebuildResult(replayed + caughtUp[0], rectifications, differences, ms));
            });
            if (result instanceof Outcome.Done<RebuildResult> done) {
                LOG.infof("rebuild: %d event(s) replayed, %d rectification(s), %d row(s) differed from the log, "
                        + "in %d ms", done.value().eventsReplayed(), rectifications, done.value().differences(),
                        done.value().durationMs());
            }
            return result;
        } finally {
            running.unlock();
        }
    }
}
