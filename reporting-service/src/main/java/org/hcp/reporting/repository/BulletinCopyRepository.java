package org.hcp.reporting.repository;

import static org.hcp.kit.db.Transactions.await;
import static org.hcp.kit.db.Transactions.inTransaction;
import static org.hcp.kit.db.Transactions.query;
import static org.hcp.kit.db.Transactions.update;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.hcp.events.EventJson;

/**
 * Where the bulletin copy ({@link StatisticsRepository#BULLETIN_SCHEMA}) stands, and the lock every replica takes
 * before it fills the copy and composes from it: the copy is one, shared by the replicas.
 */
@ApplicationScoped
public class BulletinCopyRepository {

    /** pg_advisory_lock's key: hashtext('hcp.bulletin-copy') would do too; a constant reads plainer in pg_locks. */
    private static final long LOCK = 0x6863_7042_756cL;

    private final Pool pool;

    public BulletinCopyRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * The copy's cut-off, and per partition the offset the next fill resumes from and the end the last fill reached.
     */
    public record Position(Instant cutOff, Map<TopicPartition, Long> resume, Map<TopicPartition, Long> end) {
    }

    private record Stored(Map<String, Long> resume, Map<String, Long> end) {
    }

    public Optional<Position> position() {
        List<Row> rows = query(pool, "SELECT cut_off, offsets FROM bulletin_copy", Tuple.tuple());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Stored stored;
        try {
            stored = EventJson.mapper().readValue(rows.get(0).getString("offsets"), Stored.class);
        } catch (JsonProcessingException e) {
            return Optional.empty();   // unreadable: refilled from the start, which is always right
        }
        return Optional.of(new Position(rows.get(0).getOffsetDateTime("cut_off").toInstant(),
                partitions(stored.resume()), partitions(stored.end())));
    }

    private static Map<TopicPartition, Long> partitions(Map<String, Long> stored) {
        Map<TopicPartition, Long> out = new HashMap<>();
        stored.forEach((key, offset) -> {
            int at = key.lastIndexOf('/');
            out.put(new TopicPartition(key.substring(0, at), Integer.parseInt(key.substring(at + 1))), offset);
        });
        return out;
    }

    private static Map<String, Long> keys(Map<TopicPartition, Long> offsets) {
        Map<String, Long> out = new TreeMap<>();
        offsets.forEach((p, offset) -> out.put(p.topic() + "/" + p.partition(), offset));
        return out;
    }

    /** Forgets the position: the next fill starts from an emptied copy. Called before a fill writes anything. */
    public void forget() {
        inTransaction(pool, tx -> {
            update(tx, "DELETE FROM bulletin_copy", Tuple.tuple());
            return null;
        });
    }

    /** Records where a completed fill stands. */
    public void record(Position position) {
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(new Stored(keys(position.resume()), keys(position.end())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        inTransaction(pool, tx -> {
            update(tx, "INSERT INTO bulletin_copy (cut_off, offsets) VALUES ($1, $2) ON CONFLICT (singleton) "
                    + "DO UPDATE SET cut_off = EXCLUDED.cut_off, offsets = EXCLUDED.offsets",
                    Tuple.of(position.cutOff().atOffset(ZoneOffset.UTC), json));
            return null;
        });
    }

    /** A held lock on the copy: one replica at a time fills it and composes from it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits for the copy's lock, on a connection of its own held until {@link Held#close}. */
    public Held lock() {
        SqlConnection connection = await(pool.getConnection());
        try {
            await(connection.preparedQuery("SELECT pg_advisory_lock($1)").execute(Tuple.of(LOCK)));
        } catch (RuntimeException e) {
            connection.closeAndAwait();
            throw e;
        }
        return () -> {
            try {
                await(connection.preparedQuery("SELECT pg_advisory_unlock($1)").execute(Tuple.of(LOCK)));
            } finally {
                connection.closeAndAwait();
            }
        };
    }
}
