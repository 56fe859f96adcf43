package org.hcp.intake.repository;

import static org.hcp.kit.db.Transactions.query;
import static org.hcp.kit.db.Transactions.update;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.hcp.kit.db.Transactions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hcp.events.DirectoryEntryRecorded;
import org.hcp.events.DirectoryKind;
import org.hcp.events.EventEnvelope;
import org.hcp.intake.domain.DirectoryEntry;

/** The directory's current entries and every version of each. */
@ApplicationScoped
public class DirectoryRepository {

    /** One import at a time, until {@code tx} ends: two imports racing on the same entry would both read version n. */
    public void lockForImport(SqlConnection tx) {
        Transactions.query(tx, "SELECT pg_advisory_xact_lock(hashtext('hcp.directory'))", Tuple.tuple());
    }

    public DirectoryEntry find(SqlConnection tx, DirectoryKind kind, String code) {
        List<Row> rows = query(tx, "SELECT * FROM directory_entry WHERE kind = $1 AND code = $2",
                Tuple.of(kind.name(), code));
        return rows.isEmpty() ? null : entry(rows.get(0));
    }

    /** Every entry of the kinds and codes asked for, in one query: a lookup for a decision. */
    public DirectoryEntry.Lookup lookup(SqlConnection tx) {
        Map<String, DirectoryEntry> cache = new HashMap<>();
        return (kind, code) -> cache.computeIfAbsent(DirectoryEntryRecorded.key(kind, code),
                k -> find(tx, kind, code));
    }

    /** The entries for {@code keys} in one query, as the lookup a decision uses (a reactive chain). */
    public Uni<DirectoryEntry.Lookup> prefetch(SqlConnection tx, java.util.Set<DirectoryEntry.Key> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(DirectoryEntry.of(keys, Map.of()));
        }
        List<String> kinds = keys.stream().map(k -> k.kind().name()).toList();
        List<String> codes = keys.stream().map(DirectoryEntry.Key::code).toList();
        return tx.preparedQuery("SELECT * FROM directory_entry WHERE (kind, code) IN "
                        + "(SELECT * FROM unnest($1::text[], $2::text[]))")
                .execute(Tuple.of(kinds.toArray(String[]::new), codes.toArray(String[]::new)))
                .map(rows -> {
                    Map<DirectoryEntry.Key, DirectoryEntry> found = new HashMap<>();
                    for (Row r : rows) {
                        DirectoryEntry e = entry(r);
                        found.put(new DirectoryEntry.Key(e.kind(), e.code()), e);
                    }
                    return DirectoryEntry.of(keys, found);
                });
    }

    public void record(SqlConnection tx, EventEnvelope<DirectoryEntryRecorded> event) {
        DirectoryEntryRecorded e = event.payload();
        JsonObject attributes = new JsonObject(new HashMap<>(e.attributes()));
        update(tx, """
                INSERT INTO directory_entry (kind, code, version, name, region_code, institution_code, attributes,
                                             active, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                ON CONFLICT (kind, code) DO UPDATE SET version = EXCLUDED.version, name = EXCLUDED.name,
                    region_code = EXCLUDED.region_code, institution_code = EXCLUDED.institution_code,
                    attributes = EXCLUDED.attributes, active = EXCLUDED.active, updated_at = EXCLUDED.updated_at""",
                Tuple.tuple().addString(e.kind().name()).addString(e.code()).addInteger(e.version())
                        .addString(e.name()).addString(e.regionCode()).addString(e.institutionCode())
                        .addJsonObject(attributes).addBoolean(e.active())
                        .addOffsetDateTime(CaseRepository.utc(e.effectiveFrom())));
        update(tx, """
                INSERT INTO directory_entry_version (kind, code, version, name, region_code, institution_code,
                                                     attributes, active, effective_from, event_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""",
                Tuple.tuple().addString(e.kind().name()).addString(e.code()).addInteger(e.version())
                        .addString(e.name()).addString(e.regionCode()).addString(e.institutionCode())
                        .addJsonObject(attributes).addBoolean(e.active())
                        .addOffsetDateTime(CaseRepository.utc(e.effectiveFrom())).addUUID(event.eventId()));
    }

    /** A page of entries, by kind and region prefix, in code order. */
    public List<DirectoryEntry> list(SqlConnection tx, DirectoryKind kind, String regionPrefix, int offset, int limit) {
        List<DirectoryEntry> result = new ArrayList<>();
        query(tx, "SELECT * FROM directory_entry WHERE ($1::text IS NULL OR kind = $1) "
                        + "AND ($2::text IS NULL OR region_code LIKE $2 || '%') ORDER BY kind, code OFFSET $3 LIMIT $4",
                Tuple.of(kind == null ? null : kind.name(), regionPrefix, offset, limit))
                .forEach(r -> result.add(entry(r)));
        return result;
    }

    /** Every version of one entry, oldest first: what its name was at each time (R1.11). */
    public List<Map<String, Object>> versions(SqlConnection tx, DirectoryKind kind, String code) {
        List<Map<String, Object>> result = new ArrayList<>();
        query(tx, "SELECT version, name, region_code, institution_code, attributes, active, effective_from "
                        + "FROM directory_entry_version WHERE kind = $1 AND code = $2 ORDER BY version",
                Tuple.of(kind.name(), code)).forEach(r -> {
                    Map<String, Object> v = new java.util.LinkedHashMap<>();
                    v.put("version", r.getInteger("version"));
                    v.put("name", r.getString("name"));
                    v.put("regionCode", r.getString("region_code"));
                    v.put("institutionCode", r.getString("institution_code"));
                    v.put("attributes", r.getJsonObject("attributes").getMap());
                    v.put("active", r.getBoolean("active"));
                    v.put("effectiveFrom", r.getOffsetDateTime("effective_from").toInstant());
                    result.add(v);
                });
        return result;
    }

    private static DirectoryEntry entry(Row r) {
        Map<String, String> attributes = new HashMap<>();
        r.getJsonObject("attributes").forEach(e -> attributes.put(e.getKey(), String.valueOf(e.getValue())));
        return new DirectoryEntry(DirectoryKind.valueOf(r.getString("kind")), r.getString("code"),
                r.getInteger("version"), r.getString("name"), r.getString("region_code"),
                r.getString("institution_code"), attributes, r.getBoolean("active"));
    }
}
