package org.hcp.appeal.service;

import static org.hcp.kit.db.Transactions.await;
import static org.hcp.kit.db.Transactions.inTransaction;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.appeal.domain.AppealDecider.RatedCase;
import org.hcp.appeal.domain.IntegrityFlag;
import org.hcp.appeal.domain.IntegrityReviewer;
import org.hcp.appeal.repository.AppealRepository.Stored;
import org.hcp.appeal.repository.AppealRepository;
import org.hcp.appeal.repository.AppealableRatingRepository;
import org.hcp.appeal.repository.DecisionRecordRepository;
import org.hcp.appeal.repository.IntegrityRepository;
import org.hcp.appeal.repository.RebuildRepository;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.events.EventPayload;
import org.hcp.events.Topics;
import org.hcp.events.appeal.IntegrityFlagReviewed;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.outcome.Outcome;
import org.hcp.events.outcome.Text;
import org.hcp.kit.messaging.KafkaClients;
import org.hcp.kit.messaging.LogReplay;
import org.hcp.kit.outbox.Outbox;
import org.hcp.kit.rebuild.Rebuild;
import org.hcp.kit.reference.ReferenceData;
import org.jboss.logging.Logger;

/**
 * Rebuilds the appeal tables from hcp.appeals (docs/architecture.md, "Reading"): holding their write lock (reads go
 * on, writers wait; appeals are few, so the pause is short), it lets the outbox drain, replays the topic and refolds
 * every appeal and integrity review with the very code that writes the live tables, on a connection of its own whose
 * search_path puts the scratch schema {@code rebuild_appeal} first; then it counts the rows that differ from the live
 * tables and puts the rebuilt ones in place. A healthy service finds no difference.
 *
 * <p>Not rebuilt here: the attachments' bytes, which only this database holds (the log carries their hashes), and
 * the projections of other services' topics (appealable and observed ratings, flags' evidence, rectification
 * steps), which are idempotent projections that a reset of their offsets replays.
 */
@ApplicationScoped
public class RebuildService implements Rebuild {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final Pool pool;
    private final Vertx vertx;
    private final KafkaClients clients;
    private final AppealRepository appeals;
    private final AppealableRatingRepository ratings;
    private final DecisionRecordRepository decisions;
    private final IntegrityRepository integrity;
    private final RebuildRepository tables;
    private final ReferenceData reference;
    private final PgConnectOptions scratchOptions;
    private final ReentrantLock running = new ReentrantLock();

    public RebuildService(Pool pool, Vertx vertx, KafkaClients clients, AppealRepository appeals,
            AppealableRatingRepository ratings, DecisionRecordRepository decisions, IntegrityRepository integrity,
            RebuildRepository tables, ReferenceData reference, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.pool = pool;
        this.vertx = vertx;
        this.clients = clients;
        this.appeals = appeals;
        this.ratings = ratings;
        this.decisions = decisions;
        this.integrity = integrity;
        this.tables = tables;
        this.reference = reference;
        this.scratchOptions = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                .setUser(user).setPassword(password);
    }

    /**
     * @param differences rows of the live tables that were not as the log says, now replaced; 0 when healthy
     */
    public record RebuildResult(long eventsReplayed, int appeals, int integrityReviews, long differences,
            Map<String, Long> differencesByTable, long durationMs) {
    }

    @Override
    public Outcome<RebuildResult> rebuild() {
        if (!running.tryLock()) {
            return Outcome.conflict("rebuild-running", Text.of("rebuild.running"),
                    "wait for the running rebuild to finish");
        }
        long started = System.nanoTime();
        // A connection of its own: statements prepared on a pooled one would still name the live tables.
        PgConnection scratch = await(PgConnection.connect(vertx, scratchOptions), Duration.ofSeconds(30));
        try (KafkaConsumer<String, String> consumer = clients.consumer(null, "appeal-rebuild", 2000)) {
            tables.useScratch(scratch);
            Outcome<RebuildResult> result = inTransaction(pool, tx -> {
                tables.lockLive(tx);
                if (!Outbox.awaitDrained(tx, Topics.APPEALS, DRAIN)) {
                    return Outcome.conflict("rebuild-outbox", Text.of("rebuild.outboxNotDrained"),
                            "events of " + Topics.APPEALS + " still wait in the outbox after " + DRAIN
                                    + "; is Kafka reachable?");
                }
                Map<String, List<EventEnvelope<EventPayload>>> byKey = new LinkedHashMap<>();
                long replayed = readLog(consumer, byKey);
                int[] folded = refold(scratch, byKey);
                Map<String, Long> byTable = tables.differences(tx);
                long differences = byTable.values().stream().mapToLong(Long::longValue).sum();
                if (differences > 0) {
                    tables.swapIn(tx);
                }
                long ms = (System.nanoTime() - started) / 1_000_000;
                return Outcome.done(new RebuildResult(replayed, folded[0], folded[1], differences, byTable, ms));
            });
            if (result instanceof Outcome.Done<RebuildResult> done) {
                LOG.infof("rebuild: %d event(s) replayed, %d appeal(s), %d integrity review(s), %d row(s) differed "
                        + "from the log, in %d ms", done.value().eventsReplayed(), done.value().appeals(),
                        done.value().integrityReviews(), done.value().differences(), done.value().durationMs());
            }
            return result;
        } finally {
            await(scratch.close());
            running.unlock();
        }
    }

    /** hcp.appeals from the start to its end now, by key in log order; a record published twice is kept once. */
    private long readLog(KafkaConsumer<String, String> consumer, Map<String, List<EventEnvelope<EventPayload>>> byKey) {
        List<TopicPartition> partitions = LogReplay.fromTheStart(consumer, Topics.APPEALS);
        Set<UUID> seen = new HashSet<>();
        return LogReplay.replayUntil(consumer, consumer.endOffsets(partitions, Duration.ofSeconds(30)),
                records -> records.forEach(r -> {
                    EventEnvelope<EventPayload> e = EventJson.read(r.value());
                    if (seen.add(e.eventId())) {
                        byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(e);
                    }
                }));
    }

    /**
     * Refolds into the scratch schema: each rating's appeal events, then each flag's reviews with the
     * RatingNotAdopted they published (decision id = the flag's id and the review's number, docs/events.md), on
     * flags whose evidence is copied from the live table. Answers {appeals, integrity reviews}.
     */
    private int[] refold(SqlConnection scratch, Map<String, List<EventEnvelope<EventPayload>>> byKey) {
        tables.clearScratchKeepingFlags(scratch);
        DecisionRecordRepository.Policies policies = (region, at) -> reference.rules(region, at).policy();
        Map<String, List<EventEnvelope<EventPayload>>> reviewDecisions = new LinkedHashMap<>();
        List<EventEnvelope<EventPayload>> reviews = new ArrayList<>();
        int appealCount = 0;
        for (Map.Entry<String, List<EventEnvelope<EventPayload>>> key : byKey.entrySet()) {
            List<EventEnvelope<EventPayload>> appealEvents = new ArrayList<>();
            for (EventEnvelope<EventPayload> e : key.getValue()) {
                if (e.payload() instanceof IntegrityFlagReviewed) {
                    reviews.add(e);
                } else if (e.payload() instanceof RatingNotAdopted n && IntegrityReviewer.isReviewDecision(n)) {
                    reviewDecisions.computeIfAbsent(n.decisionId(), k -> new ArrayList<>()).add(e);
                } else {
                    appealEvents.add(e);
                }
            }
            if (appealEvents.isEmpty()) {
                continue;
            }
            Stored after = appeals.append(scratch, new Stored(null, 0), appealEvents);
            Optional<RatedCase> rating = ratings.lock(scratch, key.getKey(), null, null);
            if (rating.isPresent()) {
                decisions.recordEffects(scratch, rating.get(), after.state(), appealEvents, policies);
            } else {
                LOG.warnf("rebuild: rating %s of an appeal is not (yet) known here; its notices wait", key.getKey());
            }
            appealCount++;
        }
        for (EventEnvelope<EventPayload> review : reviews) {
            IntegrityFlagReviewed r = (IntegrityFlagReviewed) review.payload();
            Optional<IntegrityFlag> flag = integrity.lockFlag(scratch, r.flagId(), null);
            if (flag.isEmpty()) {
                LOG.warnf("rebuild: flag %s is not (yet) raised here; its review waits", r.flagId());
                continue;
            }
            IntegrityFlag after = flag.get().evolve(r);
            List<EventEnvelope<EventPayload>> recorded = new ArrayList<>();
            recorded.add(review);
            // The review published them in the order it lists the ratings; the log interleaves their keys.
            recorded.addAll(reviewDecisions.getOrDefault(IntegrityReviewer.decisionId(r.flagId(), after.reviews()),
                    List.of()).stream().sorted(java.util.Comparator.comparingInt(e -> r.ratingIds().indexOf(
                            ((RatingNotAdopted) e.payload()).ratingId()))).toList());
            integrity.recordReview(scratch, after, recorded);
            decisions.recordIntegrityEffects(scratch, integrity.observed(scratch, r.ratingIds()), recorded, policies);
        }
        return new int[] {appealCount, reviews.size()};
    }

}
