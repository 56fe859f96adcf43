package org.hcp.reporting.repository;

import static org.hcp.kit.db.Transactions.query;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hcp.events.EventEnvelope;
import org.hcp.events.Topics;
import org.hcp.events.bulletin.BulletinPublished;
import org.hcp.kit.outbox.Outbox;

/** Published bulletins, frozen: a bulletin id is written once, with its event, in one transaction. */
@ApplicationScoped
public class BulletinRepository {

    private final Pool pool;

    public BulletinRepository(Pool pool) {
        this.pool = pool;
    }

    /** One bulletin as stored: its payload's exact JSON, the bytes every rendering starts from. */
    public record Stored(String bulletinId, String payload) {
    }

    /**
     * Publishes the bulletin unless its id already is (another replica, an earlier run): answers whether this call
     * published it. The row and the outbox event commit together.
     */
    public boolean publish(SqlConnection tx, EventEnvelope<BulletinPublished> event, String payloadJson) {
        BulletinPublished b = event.payload();
        List<Row> inserted = query(tx, """
                INSERT INTO bulletin (bulletin_id, month, scope, scope_code, region_code, payload, content_hash,
                                      published_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (bulletin_id) DO NOTHING RETURNING bulletin_id""",
                Tuple.from(List.of(b.bulletinId(), b.month(), b.scope().name(), b.scopeCode(), b.regionCode(),
                        payloadJson, b.contentHash(), b.publishedAt().atOffset(ZoneOffset.UTC))));
        if (inserted.isEmpty()) {
            return false;
        }
        Outbox.append(tx, Topics.BULLETINS, event);
        return true;
    }

    public boolean exists(SqlConnection tx, String bulletinId) {
        return !query(tx, "SELECT 1 FROM bulletin WHERE bulletin_id = $1", Tuple.of(bulletinId)).isEmpty();
    }

    public Optional<Stored> find(String bulletinId) {
        List<Row> rows = query(pool, "SELECT bulletin_id, payload FROM bulletin WHERE bulletin_id = $1",
                Tuple.of(bulletinId));
        return rows.stream().findFirst().map(r -> new Stored(r.getString("bulletin_id"), r.getString("payload")));
    }

    /** The bulletins of a month, optionally within a region prefix, in id order. */
    public List<Stored> list(String month, String regionPrefix) {
        String prefix = regionPrefix == null ? "" : regionPrefix;
        List<Stored> out = new ArrayList<>();
        for (Row r : query(pool, "SELECT bulletin_id, payload FROM bulletin WHERE month = $1 AND region_code >= $2 "
                + "AND region_code < $3 ORDER BY bulletin_id", Tuple.of(month, prefix, prefix + ":"))) {
            out.add(new Stored(r.getString("bulletin_id"), r.getString("payload")));
        }
        return out;
    }
}
