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

    /** A bulletin in the public index: what its line says, read from its frozen payload. */
    public record Listed(String bulletinId, String month, String scope, String scopeCode, String scopeName,
            String issuer, String documentNumber) {
    }

    /**
     * The index's lines of a month within a region prefix: cities first, then counties, then institutions, each in
     * code order.
     */
    public List<Listed> index(String month, String regionPrefix) {
        String prefix = regionPrefix == null ? "" : regionPrefix;
        List<Listed> out = new ArrayList<>();
        for (Row r : query(pool, """
                SELECT bulletin_id, month, scope, scope_code, payload::jsonb ->> 'scopeName' AS scope_name,
                       payload::jsonb ->> 'issuer' AS issuer, payload::jsonb ->> 'documentNumber' AS document_number
                FROM bulletin WHERE month = $1 AND region_code >= $2 AND region_code < $3
                ORDER BY scope DESC, (scope = 'REGION' AND scope_code LIKE '%00') DESC, scope_code""",
                Tuple.of(month, prefix, prefix + ":"))) {
            out.add(new Listed(r.getString("bulletin_id"), r.getString("month"), r.getString("scope"),
                    r.getString("scope_code"), r.getString("scope_name"), r.getString("issuer"),
                    r.getString("document_number")));
        }
        return out;
    }

    /** How many bulletins of {@code month} are published. */
    public int countOf(String month) {
        return query(pool, "SELECT count(*) AS n FROM bulletin WHERE month = $1", Tuple.of(month)).get(0)
                .getLong("n").intValue();
    }

    /** The months with bulletins within a region prefix, newest first. */
    public List<String> months(String regionPrefix) {
        String prefix = regionPrefix == null ? "" : regionPrefix;
        List<String> out = new ArrayList<>();
        for (Row r : query(pool, "SELECT DISTINCT month FROM bulletin WHERE region_code >= $1 AND region_code < $2 "
                + "ORDER BY month DESC", Tuple.of(prefix, prefix + ":"))) {
            out.add(r.getString("month"));
        }
        return out;
    }

    /** Every region with a bulletin of its own (cities and counties), with its name, in code order. */
    public List<String[]> regions() {
        List<String[]> out = new ArrayList<>();
        for (Row r : query(pool, """
                SELECT DISTINCT ON (scope_code) scope_code, payload::jsonb ->> 'scopeName' AS scope_name FROM bulletin
                WHERE scope = 'REGION' ORDER BY scope_code, month DESC""", Tuple.tuple())) {
            out.add(new String[] {r.getString("scope_code"), r.getString("scope_name")});
        }
        return out;
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
