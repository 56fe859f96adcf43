package org.hcp.reporting.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hcp.kit.db.Transactions;
import org.hcp.reporting.domain.CountedRating;

/**
 * The statistics read model, in whichever schema ({@code rm_a} or {@code rm_b}) is asked for. Batches are applied
 * with one statement, which both de-duplicates by rating id and adds only the new ratings to the counts.
 */
@ApplicationScoped
public class StatisticsRepository {

    public static final String PROJECTION = "statistics";
    public static final Set<String> SCHEMAS = Set.of("rm_a", "rm_b");

    private final Pool pool;

    public StatisticsRepository(Pool pool) {
        this.pool = pool;
    }

    /** How the caller holds the live-schema row until its transaction ends. */
    public enum Lock {
        /** A read: no lock. */
        NONE(""),
        /** A projection batch: a switch waits, so a batch never lands in a schema that stopped being live. */
        SHARE(" FOR SHARE"),
        /** A switch: batches wait until the switch has committed. */
        SWITCH(" FOR UPDATE");

        private final String clause;

        Lock(String clause) {
            this.clause = clause;
        }
    }

    private static final String ACTIVE_SCHEMA = "SELECT active_schema FROM projection_state WHERE projection = $1";

    /** The live schema, read in {@code tx} and held as {@code lock} says until it ends. */
    public String liveSchema(SqlConnection tx, Lock lock) {
        return checked(Transactions.query(tx, ACTIVE_SCHEMA + lock.clause, Tuple.of(PROJECTION)).get(0)
                .getString("active_schema"));
    }

    public void switchTo(SqlConnection tx, String schema) {
        Transactions.update(tx, "UPDATE projection_state SET active_schema = $1, switched_at = now() "
                + "WHERE projection = $2", Tuple.of(checked(schema), PROJECTION));
    }

    public void truncate(SqlConnection tx, String schema) {
        String s = checked(schema);
        Transactions.update(tx, "TRUNCATE " + s + ".rating_fact, " + s + ".daily_stats", Tuple.tuple());
    }

    /** Counts ratings not counted before (by rating id) into {@code schema}, in the caller's transaction. */
    public void apply(SqlConnection tx, String schema, List<CountedRating> ratings) {
        String s = checked(schema);
        if (!ratings.isEmpty()) {
            int n = ratings.size();
            String[] ids = new String[n];
            java.util.UUID[] eventIds = new java.util.UUID[n];
            String[] regions = new String[n];
            String[] institutions = new String[n];
            String[] channels = new String[n];
            Integer[] levels = new Integer[n];
            String[] origins = new String[n];
            LocalDate[] days = new LocalDate[n];
            for (int i = 0; i < n; i++) {
                CountedRating r = ratings.get(i);
                ids[i] = r.ratingId();
                eventIds[i] = r.eventId();
                regions[i] = r.regionCode();
                institutions[i] = r.institutionCode();
                channels[i] = r.channel();
                levels[i] = r.level();
                origins[i] = r.origin();
                days[i] = r.day();
            }
            Transactions.update(tx, """
                            WITH input AS (
                                SELECT DISTINCT ON (rating_id) *
                                FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[],
                                            $7::text[], $8::date[])
                                     AS t(rating_id, event_id, region_code, institution_code, channel, level, origin, day)
                            ), inserted AS (
                                INSERT INTO %1$s.rating_fact (rating_id, event_id, region_code, institution_code,
                                                              channel, level, origin, day, adopted)
                                SELECT i.rating_id, i.event_id, i.region_code, i.institution_code, i.channel,
                                       i.level, i.origin, i.day, NOT coalesce(d.not_adopted, false)
                                FROM input i LEFT JOIN rating_decision d ON d.rating_id = i.rating_id
                                ON CONFLICT (rating_id) DO NOTHING
                                RETURNING region_code, institution_code, day, level, adopted
                            )
                            INSERT INTO %1$s.daily_stats (region_code, institution_code, day, level, ratings)
                            SELECT region_code, institution_code, day, level, count(*) FROM inserted
                            WHERE adopted
                            GROUP BY region_code, institution_code, day, level
                            ON CONFLICT (region_code, institution_code, day, level)
                            DO UPDATE SET ratings = %1$s.daily_stats.ratings + excluded.ratings""".formatted(s),
                    Tuple.tuple().addArrayOfString(ids).addArrayOfUUID(eventIds).addArrayOfString(regions)
                            .addArrayOfString(institutions).addArrayOfString(channels).addArrayOfInteger(levels)
                            .addArrayOfString(origins).addArrayOfLocalDate(days));
        }
    }

    /**
     * R3.4 / R3.5: records a rating's latest appeal decision and counts its fact in or out of {@code schema} to
     * match; a rating not read yet is counted as decided when it comes ({@link #apply}).
     */
    public void decide(SqlConnection tx, String schema, String ratingId, boolean notAdopted, String decisionId,
            java.time.Instant decidedAt) {
        Transactions.update(tx, "INSERT INTO rating_decision (rating_id, not_adopted, decision_id, decided_at) "
                + "VALUES ($1, $2, $3, $4) ON CONFLICT (rating_id) DO UPDATE SET not_adopted = EXCLUDED.not_adopted, "
                + "decision_id = EXCLUDED.decision_id, decided_at = EXCLUDED.decided_at",
                Tuple.of(ratingId, notAdopted, decisionId, decidedAt.atOffset(java.time.ZoneOffset.UTC)));
        resync(tx, schema, ratingId);
    }

    /**
     * Makes every fact of {@code schema} (or only {@code ratingId}'s) agree with the recorded decisions, moving the
     * changed ones in or out of the counts. A rebuild calls it under the switch lock, after its replay.
     */
    public void resync(SqlConnection tx, String schema, String ratingId) {
        String s = checked(schema);
        Transactions.update(tx, """
                WITH changed AS (
                    UPDATE %1$s.rating_fact f SET adopted = NOT d.not_adopted
                    FROM rating_decision d
                    WHERE d.rating_id = f.rating_id AND f.adopted = d.not_adopted
                      AND ($1::text IS NULL OR f.rating_id = $1)
                    RETURNING f.region_code, f.institution_code, f.day, f.level, f.adopted
                )
                INSERT INTO %1$s.daily_stats (region_code, institution_code, day, level, ratings)
                SELECT region_code, institution_code, day, level, sum(CASE WHEN adopted THEN 1 ELSE -1 END)
                FROM changed GROUP BY region_code, institution_code, day, level
                ON CONFLICT (region_code, institution_code, day, level)
                DO UPDATE SET ratings = %1$s.daily_stats.ratings + excluded.ratings""".formatted(s),
                Tuple.of(ratingId));
    }

    /** Counts per level in the live schema; {@code regionPrefix} rolls up by GB/T 2260 prefix (R4.2). */
    public Uni<Map<Integer, Long>> levelCounts(String regionPrefix, String institution, LocalDate from, LocalDate to) {
        Uni<String> live = pool.preparedQuery(ACTIVE_SCHEMA).execute(Tuple.of(PROJECTION))
                .map(rows -> checked(rows.iterator().next().getString("active_schema")));
        return live.flatMap(s -> pool.preparedQuery("""
                        SELECT level, sum(ratings) AS ratings FROM %s.daily_stats
                        WHERE ($1::text IS NULL OR region_code LIKE $1 || '%%')
                          AND ($2::text IS NULL OR institution_code = $2)
                          AND ($3::date IS NULL OR day >= $3)
                          AND ($4::date IS NULL OR day <= $4)
                        GROUP BY level""".formatted(s))
                .execute(Tuple.of(regionPrefix, institution, from, to))
                .map(rows -> {
                    Map<Integer, Long> counts = new HashMap<>();
                    for (Row row : rows) {
                        counts.put((int) row.getShort("level"), row.getLong("ratings"));
                    }
                    return counts;
                }));
    }

    static String checked(String schema) {
        if (!SCHEMAS.contains(schema)) {
            throw new IllegalArgumentException("not a statistics schema: " + schema);
        }
        return schema;
    }
}
