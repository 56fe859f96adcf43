package org.hcp.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.Topics;
import org.hcp.events.Watermark;
import org.hcp.kit.db.Transactions;
import org.hcp.kit.messaging.BackgroundWorker;
import org.hcp.kit.messaging.KafkaClients;
import org.hcp.kit.messaging.WorkerThread;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in id order and deletes each only after the broker acknowledged it.
 *
 * <p>One relay is active across replicas: each round holds a transaction-scoped advisory lock, so two replicas
 * never publish the same rows out of order. If Kafka is unreachable the round fails, nothing is deleted, and the
 * rows wait for the next round; requests meanwhile still succeed. A crash after the acknowledgement but before
 * the delete publishes a row again, so consumers de-duplicate by event id.
 *
 * <p>After a round that left the outbox empty, the relay publishes its producer's {@link Watermark}: every event
 * recorded at least {@code hcp.outbox.watermark-lag} before the round began was committed before the round read the
 * outbox, so it is on its topic now. The lag bounds how long a writer may take from reading its clock to committing
 * (a request waits at most 30 s for a connection; its transaction takes milliseconds), and the clock skew between
 * replicas of one service. Reporting takes a bulletin's cut-off from these (docs/events.md, "Watermarks").
 */
@ApplicationScoped
public class OutboxRelay implements BackgroundWorker {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x4843_5052_454C_4159L; // "HCPRELAY"
    private static final int BATCH = 500;

    private final Pool pool;
    private final KafkaClients clients;
    private final MeterRegistry metrics;
    private final boolean enabled;
    private WorkerThread worker;
    private volatile KafkaProducer<String, String> producer;

    private final Counter published;
    private final Clock clock;
    private final String producerName;
    private final Duration watermarkLag;
    private Instant lastWatermark = Instant.MIN;

    public OutboxRelay(Pool pool, KafkaClients clients, MeterRegistry metrics, Clock clock,
            @ConfigProperty(name = "hcp.outbox.relay.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.application.name") String producerName,
            @ConfigProperty(name = "hcp.outbox.watermark-lag", defaultValue = "60s") Duration watermarkLag) {
        this.clock = clock;
        this.producerName = producerName;
        this.watermarkLag = watermarkLag;
        this.pool = pool;
        this.clients = clients;
        this.metrics = metrics;
        this.enabled = enabled;
        this.published = Counter.builder("hcp.outbox.published")
                .description("events the broker acknowledged and the outbox let go").register(metrics);
        // An outbox that stops draining (Kafka unreachable, a record refused) shows as a growing age: the alert
        // rule of docs/operations.md. The relay holding the lock knows it; a replica without the lock says 0.
        Gauge.builder("hcp.outbox.oldest.seconds", this, r -> r.oldestAgeSeconds())
                .description("age of the oldest event not yet published, as the relay last read the outbox")
                .baseUnit("seconds").register(metrics);
    }

    private volatile Instant oldest;

    private double oldestAgeSeconds() {
        Instant at = oldest;
        return at == null ? 0 : Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0);
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        producer = clients.producer("outbox-relay");
        worker = new WorkerThread("outbox-relay", this::round, metrics)
                .describeFailure(e -> "cannot publish, rows kept in the outbox: " + e.getMessage())
                // Every send of the failed round has completed (acknowledged or failed), so nothing is in flight: a
                // fresh producer cannot duplicate anything and never inherits a fatal state from the old one.
                .afterFailure(e -> {
                    producer.close(Duration.ZERO);
                    producer = clients.producer("outbox-relay");
                })
                .start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (worker == null) {
            return;
        }
        worker.close();
        producer.close(Duration.ofSeconds(2));
    }

    /** Tells the relay that rows were committed, so it publishes now rather than at its next poll. */
    public void wake() {
        if (worker != null) {
            worker.wake();
        }
    }

    @Override
    public String name() {
        return "outbox-relay";
    }

    @Override
    public String problem() {
        return worker == null ? (enabled ? "not started" : null) : worker.problem();
    }

    /** A full batch goes on at once; otherwise the relay waits for a wake-up, or polls again in 250 ms. */
    private Duration round() {
        return relayOnce() < BATCH ? Duration.ofMillis(250) : Duration.ZERO;
    }

    /**
     * What one round did: rows read, rows the broker acknowledged (and so deleted), the first failure if any, and
     * whether it held the relay's lock (else it read nothing and knows nothing of the outbox).
     */
    private record Round(int read, int acknowledged, Exception failure, boolean locked) {
        static final Round NOT_LOCKED = new Round(0, 0, null, false);
        static final Round EMPTY = new Round(0, 0, null, true);
    }

    /** One round: lock, read a batch in order, publish, await every acknowledgement, delete, commit. */
    int relayOnce() {
        // Read before the transaction's snapshot: whatever was committed by then is read in this round.
        Instant began = clock.instant();
        Round round = Transactions.inTransaction(pool, tx -> {
            boolean locked = Transactions.query(tx, "SELECT pg_try_advisory_xact_lock($1) AS locked",
                    Tuple.of(RELAY_LOCK)).get(0).getBoolean("locked");
            if (!locked) {
                return Round.NOT_LOCKED;
            }
            List<Row> rows = Transactions.query(tx, "SELECT id, event_id, topic, event_key, event_type, envelope, "
                    + "created_at FROM outbox ORDER BY id LIMIT $1", Tuple.of(BATCH));
            if (rows.isEmpty()) {
                oldest = null;
                return Round.EMPTY;
            }
            oldest = rows.get(0).getOffsetDateTime("created_at").toInstant();
            List<Long> ids = new ArrayList<>();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (Row row : rows) {
                ids.add(row.getLong("id"));
                ProducerRecord<String, String> record = new ProducerRecord<>(row.getString("topic"),
                        row.getString("event_key"), row.getString("envelope"));
                TraceHeaders.add(record.headers(), row.getUUID("event_id"), row.getString("event_type"),
                        row.getString("envelope"));
                acks.add(producer.send(record));
            }
            producer.flush();
            // Keep what the broker acknowledged even when part of the round failed: re-sending an acknowledged row
            // would only add a duplicate for consumers to skip.
            List<Long> acknowledged = new ArrayList<>();
            Exception failure = null;
            for (int i = 0; i < acks.size(); i++) {
                try {
                    acks.get(i).get(30, TimeUnit.SECONDS);
                    acknowledged.add(ids.get(i));
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    failure = failure == null ? e : failure;
                }
            }
            if (!acknowledged.isEmpty()) {
                Transactions.update(tx, "DELETE FROM outbox WHERE id = ANY($1)",
                        Tuple.of(acknowledged.toArray(new Long[0])));
            }
            return new Round(ids.size(), acknowledged.size(), failure, true);
        });
        published.increment(round.acknowledged());
        if (round.failure() != null) {
            throw new IllegalStateException((round.read() - round.acknowledged()) + " of " + round.read()
                    + " not acknowledged: " + round.failure().getMessage(), round.failure());
        }
        LOG.debugf("outbox relay published %d event(s)", round.acknowledged());
        if (round.locked() && round.read() < BATCH) {
            publishWatermark(began.minus(watermarkLag));
        }
        return round.acknowledged();
    }

    /**
     * Once a second at most: the watermark goes after the round's events were acknowledged, so a reader that sees it
     * and then reads the topics' ends finds every event it covers. Not awaited: one lost is replaced a second later.
     */
    private void publishWatermark(Instant recordedUpTo) {
        if (recordedUpTo.isBefore(lastWatermark.plusSeconds(1))) {
            return;
        }
        lastWatermark = recordedUpTo;
        producer.send(new ProducerRecord<>(Topics.WATERMARKS, producerName,
                new Watermark(producerName, recordedUpTo).toJson()));
    }
}
