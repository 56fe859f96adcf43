package org.hcp.reporting.repository;

import static org.hcp.kit.db.Transactions.update;
import static org.hcp.reporting.repository.StatisticsRepository.checked;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hcp.reporting.domain.Contribution;
import org.hcp.reporting.domain.Dimensions;
import org.hcp.reporting.domain.Dimensions.Dimension;
import org.hcp.reporting.domain.TallyQuery;

/**
 * The counters: one row per dimension member, region, institution, period and measure, per day ({@code agg_day}, the
 * daily dimensions) and per month ({@code agg_month}, every dimension). Contributions are summed in memory first, so
 * a batch writes each counter once, in one statement for both tables.
 */
@ApplicationScoped
public class AggregateRepository {

    private final Pool pool;
    private final StatisticsRepository statistics;
    /** The schema reads go to; null for whichever is live. */
    private final String readSchema;

    @Inject
    public AggregateRepository(Pool pool, StatisticsRepository statistics) {
        this(pool, statistics, null);
    }

    private AggregateRepository(Pool pool, StatisticsRepository statistics, String readSchema) {
        this.pool = pool;
        this.statistics = statistics;
        this.readSchema = readSchema;
    }

    /** The same reads, from {@code schema} rather than the live one (a bulletin's cut-off copy). */
    public AggregateRepository readingFrom(String schema) {
        return new AggregateRepository(pool, statistics, StatisticsRepository.checked(schema));
    }

    private Uni<String> schema() {
        return readSchema != null ? Uni.createFrom().item(readSchema) : statistics.liveSchema();
    }

    /** Counters per statement. */
    private static final int CHUNK = 10_000;

    private record Key(String dim, String region, String institution, String member, LocalDate period,
            String measure, boolean daily) {
    }

    /**
     * Counter changes summed in memory and not yet written. The live projection writes a batch's at once; the rebuild
     * keeps them across batches and writes each counter once every {@link #size()} keys, since a month's counters
     * are touched by every batch of that month (docs/performance.md, "Where the time went").
     */
    public static final class Sums {

        private final Map<Key, Long> sums = new HashMap<>();

        public Sums add(List<Contribution> contributions) {
            for (Contribution c : contributions) {
                Dimensions d = c.dimensions();
                LocalDate month = c.day().withDayOfMonth(1);
                for (Dimension dim : Dimension.values()) {
                    String member = d.member(dim);
                    if (member == null || !dim.counts(c.measure())) {
                        continue;
                    }
                    if (dim.daily()) {
                        sums.merge(new Key(dim.code(), d.regionCode(), d.institutionCode(), member, c.day(),
                                c.measure(), true), c.n(), Long::sum);
                    }
                    sums.merge(new Key(dim.code(), d.regionCode(), d.institutionCode(), member, month, c.measure(),
                            false), c.n(), Long::sum);
                }
            }
            return this;
        }

        /** How many counters are pending. */
        public int size() {
            return sums.size();
        }
    }

    /**
     * Writes the pending counter changes and forgets them: a statement for both tables per {@link #CHUNK} counters,
     * since the client encodes a statement's parameters in one direct buffer (64 MB at most in a service).
     */
    public void write(SqlConnection tx, String schema, Sums pending) {
        Map<Key, Long> sums = pending.sums;
        sums.values().removeIf(n -> n == 0);
        List<Map.Entry<Key, Long>> all = new ArrayList<>(sums.entrySet());
        for (int from = 0; from < all.size(); from += CHUNK) {
            writeChunk(tx, schema, all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        sums.clear();
    }

    private void writeChunk(SqlConnection tx, String schema, List<Map.Entry<Key, Long>> sums) {
        int size = sums.size();
        List<String> dims = new ArrayList<>(size);
        List<String> regions = new ArrayList<>(size);
        List<String> institutions = new ArrayList<>(size);
        List<String> members = new ArrayList<>(size);
        List<LocalDate> periods = new ArrayList<>(size);
        List<String> measures = new ArrayList<>(size);
        List<Long> counts = new ArrayList<>(size);
        List<Boolean> daily = new ArrayList<>(size);
        sums.forEach(entry -> {
            Key k = entry.getKey();
            long n = entry.getValue();
            dims.add(k.dim());
            regions.add(k.region());
            institutions.add(k.institution());
            members.add(k.member());
            periods.add(k.period());
            measures.add(k.measure());
            counts.add(n);
            daily.add(k.daily());
        });
        update(tx, """
                WITH c AS (
                    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[],
                                         $7::bigint[], $8::boolean[])
                        AS t(dim, region_code, institution_code, member, period, measure, n, daily)
                ), d AS (
                    INSERT INTO %1$s.agg_day (dim, region_code, institution_code, member, day, measure, n)
                    SELECT dim, region_code, institution_code, member, period, measure, n FROM c WHERE daily
                    ON CONFLICT (dim, region_code, institution_code, member, day, measure)
                    DO UPDATE SET n = %1$s.agg_day.n + excluded.n
                )
                INSERT INTO %1$s.agg_month (dim, region_code, institution_code, member, month, measure, n)
                SELECT dim, region_code, institution_code, member, period, measure, n FROM c WHERE NOT daily
                ON CONFLICT (dim, region_code, institution_code, member, month, measure)
                DO UPDATE SET n = %1$s.agg_month.n + excluded.n""".formatted(checked(schema)),
                Tuple.tuple().addArrayOfString(dims.toArray(String[]::new))
                        .addArrayOfString(regions.toArray(String[]::new))
                        .addArrayOfString(institutions.toArray(String[]::new))
                        .addArrayOfString(members.toArray(String[]::new))
                        .addArrayOfLocalDate(periods.toArray(LocalDate[]::new))
                        .addArrayOfString(measures.toArray(String[]::new))
                        .addArrayOfLong(counts.toArray(Long[]::new))
                        .addArrayOfBoolean(daily.toArray(Boolean[]::new)));
        if (counts.stream().anyMatch(n -> n < 0)) {
            // A counter taken back to zero goes, so the counters are the same rows whatever the history that led to
            // them: a rebuild, which never counts what was taken back, must find the same rows as the live schema.
            Tuple touched = Tuple.tuple().addArrayOfString(new java.util.TreeSet<>(regions).toArray(String[]::new))
                    .addArrayOfString(new java.util.TreeSet<>(institutions).toArray(String[]::new));
            update(tx, "DELETE FROM %s.agg_day WHERE n = 0 AND region_code = ANY($1) AND institution_code = ANY($2)"
                    .formatted(checked(schema)), touched);
            update(tx, "DELETE FROM %s.agg_month WHERE n = 0 AND region_code = ANY($1) AND institution_code = ANY($2)"
                    .formatted(checked(schema)), touched);
        }
    }

    /**
     * The counters {@code q} asks for, summed per group in the live schema: group key ("" when not grouped) →
     * measure → count, groups in key order. Reads only counters, never facts.
     */
    public Uni<Map<String, Map<String, Long>>> tally(TallyQuery q) {
        String period = q.daily() ? "day" : "month";
        String prefix = q.regionPrefix() == null ? "" : q.regionPrefix();
        // Only the conditions asked for, with their parameters: "$n IS NULL OR …" would keep the planner from the
        // period's index in a generic plan (a week of one dimension read the whole region's rows, docs/performance.md).
        List<Object> parameters = new ArrayList<>(List.of(q.dimension().code(), prefix, prefix + ":", q.tags()));
        StringBuilder where = new StringBuilder("dim = $1 AND region_code >= $2 AND region_code < $3 "
                + "AND (measure LIKE 'tag.%') = $4");
        if (q.member() != null) {
            parameters.add(q.member());
            where.append(" AND member = $").append(parameters.size());
        }
        if (q.institution() != null) {
            parameters.add(q.institution());
            where.append(" AND institution_code = $").append(parameters.size());
        }
        if (q.from() != null) {
            parameters.add(q.from());
            where.append(" AND ").append(period).append(" >= $").append(parameters.size());
        }
        if (q.to() != null) {
            parameters.add(q.to());
            where.append(" AND ").append(period).append(" <= $").append(parameters.size());
        }
        String group = switch (q.grouping()) {
            case NONE -> "''";
            case REGION -> {
                parameters.add(q.regionLength());
                yield "left(region_code, $" + parameters.size() + ")";
            }
            case INSTITUTION -> "institution_code";
            case MEMBER -> "member";
            case INSTITUTION_MEMBER -> "institution_code || '" + Dimensions.PAIR + "' || member";
            case REGION_MEMBER -> {
                parameters.add(q.regionLength());
                yield "left(region_code, $" + parameters.size() + ") || '" + Dimensions.PAIR + "' || member";
            }
            case DAY -> period + "::text";
            case WEEK -> "date_trunc('week', " + period + ")::date::text";
            case MONTH -> "date_trunc('month', " + period + ")::date::text";
            case QUARTER -> "date_trunc('quarter', " + period + ")::date::text";
            case YEAR -> "date_trunc('year', " + period + ")::date::text";
        };
        String sql = "SELECT %2$s AS g, measure, sum(n) AS n FROM %1$s.%3$s WHERE %4$s GROUP BY g, measure ORDER BY g";
        return schema().flatMap(s -> pool.preparedQuery(sql.formatted(s, group,
                        q.daily() ? "agg_day" : "agg_month", where))
                .execute(Tuple.from(parameters))
                .map(rows -> {
                    Map<String, Map<String, Long>> groups = new LinkedHashMap<>();
                    for (Row row : rows) {
                        long n = row.getLong("n");
                        if (n != 0) {
                            groups.computeIfAbsent(row.getString("g"), g -> new HashMap<>())
                                    .put(row.getString("measure"), n);
                        }
                    }
                    return groups;
                }));
    }

    /** Every region × institution with counters in {@code month} (its first day): the bulletins' scopes (R4.3). */
    public Uni<List<String[]>> regionsAndInstitutions(LocalDate month) {
        return schema().flatMap(s -> pool.preparedQuery("SELECT DISTINCT region_code, institution_code "
                + "FROM %s.agg_month WHERE dim = 'total' AND month = $1 AND n <> 0 ORDER BY 1, 2".formatted(s))
                .execute(Tuple.of(month))
                .map(rows -> {
                    List<String[]> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new String[] {r.getString(0), r.getString(1)}));
                    return out;
                }));
    }

    /** R4.2: each code's name in the directory as it was at {@code at}; codes without an entry then are left out. */
    public Uni<Map<String, String>> names(String kind, java.util.Collection<String> codes, java.time.Instant at) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        // The version in force at the end of the period; for a code the directory got only later (a unit registered
        // after the ratings it was given), its first name rather than none.
        return schema().flatMap(s -> pool.preparedQuery("""
                        SELECT DISTINCT ON (code) code, name FROM %s.directory_name
                        WHERE kind = $1 AND code = ANY($2)
                        ORDER BY code, (effective_from <= $3) DESC,
                                 CASE WHEN effective_from <= $3 THEN effective_from END DESC,
                                 CASE WHEN effective_from > $3 THEN effective_from END ASC,
                                 version DESC""".formatted(s))
                .execute(Tuple.of(kind, codes.toArray(String[]::new), at.atOffset(java.time.ZoneOffset.UTC)))
                .map(rows -> {
                    Map<String, String> names = new HashMap<>();
                    rows.forEach(r -> names.put(r.getString("code"), r.getString("name")));
                    return names;
                }));
    }
}
