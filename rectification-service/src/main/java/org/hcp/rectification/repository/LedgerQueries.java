package org.hcp.rectification.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hcp.events.ChinaTime;
import org.hcp.events.EventJson;
import org.hcp.events.EventPayload;
import org.hcp.rectification.domain.LedgerEntry;
import org.hcp.rectification.domain.RectificationState.Status;

/**
 * Reads of the ledger for the APIs: reactive, one statement each, answered from the {@code rectification} rows and
 * their indexes. Only the conditions a query has go into its SQL, so each gets a plan for what it asks.
 */
@ApplicationScoped
public class LedgerQueries {

    private static final String ACTIVE = "status NOT IN ('CLOSED', 'WITHDRAWN')";

    private final Pool pool;

    public LedgerQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * What a ledger query asks; every field null for "any".
     *
     * @param overdue   true: active rectifications that missed a deadline (R2.6); false: those that did not
     * @param dueBefore active rectifications with a step due by then (the "due within N working days" view)
     */
    public record Filter(String regionPrefix, String institution, List<Status> statuses, Boolean overdue,
            Instant dueBefore, String tag) {
    }

    /** A page of entries in due order (soonest first, nothing owed last), and whether more follow. */
    public record Slice<T>(List<T> items, boolean more) {
        static <T> Slice<T> of(List<T> fetched, int limit) {
            boolean more = fetched.size() > limit;
            return new Slice<>(more ? List.copyOf(fetched.subList(0, limit)) : fetched, more);
        }
    }

    public Uni<Slice<LedgerEntry>> list(Filter f, int offset, int limit) {
        Where where = where(f);
        String sql = "SELECT " + LedgerRows.COLUMNS + " FROM rectification" + where.sql()
                + " ORDER BY next_due_at NULLS LAST, rectification_id LIMIT " + (limit + 1) + " OFFSET " + offset;
        return pool.preparedQuery(sql).execute(where.tuple()).map(rows -> {
            List<LedgerEntry> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(LedgerRows.entry(row));
            }
            return Slice.of(items, limit);
        });
    }

    /** One rectification within the region prefix / institution given (null: any). */
    public Uni<Optional<LedgerEntry>> find(String id, String regionPrefix, String institution) {
        Where where = where(new Filter(regionPrefix, institution, null, null, null, null)).and("rectification_id", id);
        return pool.preparedQuery("SELECT " + LedgerRows.COLUMNS + " FROM rectification" + where.sql())
                .execute(where.tuple())
                .map(rows -> rows.iterator().hasNext() ? Optional.of(LedgerRows.entry(rows.iterator().next()))
                        : Optional.empty());
    }

    /** A rectification's events in order, as recorded. */
    public Uni<List<Recorded>> history(String id) {
        return pool.preparedQuery("SELECT envelope FROM rectification_event WHERE rectification_id = $1 ORDER BY seq")
                .execute(Tuple.of(id)).map(rows -> {
                    List<Recorded> events = new ArrayList<>();
                    for (Row row : rows) {
                        var event = EventJson.read(row.getString("envelope"));
                        events.add(new Recorded(event.type(), event.recordedAt(), event.payload()));
                    }
                    return events;
                });
    }

    public record Recorded(String type, Instant recordedAt, EventPayload payload) {
    }

    /** Per unit: open, overdue, closed, closed on time, withdrawn; and the bad reviews received. */
    public record UnitSummary(String institutionCode, long open, long overdue, long closed, long closedOnTime,
            long withdrawn, long badReviews) {
        /** R2.6: closed on time / closed; null while none is closed. */
        public Double onTimeRate() {
            return closed == 0 ? null : (double) closedOnTime / closed;
        }
    }

    public Uni<List<UnitSummary>> summary(String regionPrefix, String institution) {
        Where where = where(new Filter(regionPrefix, institution, null, null, null, null));
        String sql = "SELECT institution_code, count(*) FILTER (WHERE " + ACTIVE + ") AS open, "
                + "count(*) FILTER (WHERE " + ACTIVE + " AND late) AS overdue, "
                + "count(*) FILTER (WHERE status = 'CLOSED') AS closed, "
                + "count(*) FILTER (WHERE status = 'CLOSED' AND closed_on_time) AS closed_on_time, "
                + "count(*) FILTER (WHERE status = 'WITHDRAWN') AS withdrawn, "
                + "coalesce(sum(cardinality(rating_ids)), 0) AS bad_reviews "
                + "FROM rectification" + where.sql() + " GROUP BY institution_code ORDER BY institution_code";
        return pool.preparedQuery(sql).execute(where.tuple()).map(rows -> {
            List<UnitSummary> units = new ArrayList<>();
            for (Row r : rows) {
                units.add(new UnitSummary(r.getString("institution_code"), r.getLong("open"), r.getLong("overdue"),
                        r.getLong("closed"), r.getLong("closed_on_time"), r.getLong("withdrawn"),
                        r.getLong("bad_reviews")));
            }
            return units;
        });
    }

    /**
     * R2.7: a closed rectification as it may be published: unit, item, tags, outcome, what was done, dates. Never
     * the evaluator, and never the rating's free text (it is not even stored here).
     */
    /**
     * R2.7: a closed rectification as published: unit and item with their names in the directory (null until it has
     * them), the bad review's tags, the outcome, the measures, the dates. Never the evaluator, never the rating's text.
     */
    public record PublicResult(String regionCode, String institutionCode, String institutionName, String itemCode,
            String itemName, List<String> tags, String classification, String resolution, String measures,
            LocalDate opened, LocalDate closed) {
    }

    private static final String NAME = "(SELECT name FROM directory_name d WHERE d.kind = '%s' AND d.code = %s "
            + "ORDER BY version DESC LIMIT 1)";

    /**
     * Closed rectifications, newest first, within a region prefix, one institution and the month they closed in
     * (Beijing time), each optional.
     */
    public Uni<Slice<PublicResult>> publicResults(String regionPrefix, String institution, YearMonth closedIn,
            int offset, int limit) {
        Where where = where(new Filter(regionPrefix, institution, List.of(Status.CLOSED), null, null, null));
        if (closedIn != null) {
            where.condition("closed_at >= $?", LedgerRows.utc(closedIn.atDay(1).atStartOfDay(ChinaTime.ZONE)
                    .toInstant()));
            where.condition("closed_at < $?", LedgerRows.utc(closedIn.plusMonths(1).atDay(1)
                    .atStartOfDay(ChinaTime.ZONE).toInstant()));
        }
        String sql = "SELECT region_code, institution_code, item_code, tags, classification, resolution, measures, "
                + "opened_at, closed_at, " + NAME.formatted("INSTITUTION", "institution_code") + " AS institution_name, "
                + NAME.formatted("ITEM", "item_code") + " AS item_name FROM rectification" + where.sql()
                + " ORDER BY closed_at DESC, rectification_id LIMIT " + (limit + 1) + " OFFSET " + offset;
        return pool.preparedQuery(sql).execute(where.tuple()).map(rows -> {
            List<PublicResult> items = new ArrayList<>();
            for (Row r : rows) {
                items.add(new PublicResult(r.getString("region_code"), r.getString("institution_code"),
                        r.getString("institution_name"), r.getString("item_code"), r.getString("item_name"),
                        List.of(r.getArrayOfStrings("tags")), r.getString("classification"),
                        r.getString("resolution"), r.getString("measures"),
                        r.getOffsetDateTime("opened_at").atZoneSameInstant(ChinaTime.ZONE).toLocalDate(),
                        r.getOffsetDateTime("closed_at").atZoneSameInstant(ChinaTime.ZONE).toLocalDate()));
            }
            return Slice.of(items, limit);
        });
    }

    /** The institutions with published results within a region prefix, each with its name, in code order. */
    public Uni<List<String[]>> publishedInstitutions(String regionPrefix) {
        Where where = where(new Filter(regionPrefix, null, List.of(Status.CLOSED), null, null, null));
        String sql = "SELECT institution_code, " + NAME.formatted("INSTITUTION", "institution_code") + " AS name "
                + "FROM (SELECT DISTINCT institution_code FROM rectification" + where.sql() + ") i "
                + "ORDER BY institution_code LIMIT 2000";
        return pool.preparedQuery(sql).execute(where.tuple()).map(rows -> {
            List<String[]> out = new ArrayList<>();
            rows.forEach(r -> out.add(new String[] {r.getString("institution_code"), r.getString("name")}));
            return out;
        });
    }

    /** Bad reviews received (every rating a rectification answers), for a region prefix and institution. */
    public Uni<Long> badReviews(String regionPrefix, String institution) {
        Where where = where(new Filter(regionPrefix, institution, null, null, null, null));
        return pool.preparedQuery("SELECT coalesce(sum(cardinality(rating_ids)), 0) AS n FROM rectification"
                + where.sql()).execute(where.tuple()).map(rows -> rows.iterator().next().getLong("n"));
    }

    private static Where where(Filter f) {
        Where w = new Where();
        if (f.regionPrefix() != null) {
            w.condition("region_code LIKE $? || '%'", f.regionPrefix());
        }
        if (f.institution() != null) {
            w.and("institution_code", f.institution());
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            w.condition("status = ANY($?)", f.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (f.overdue() != null) {
            w.conditions.add(ACTIVE + (f.overdue() ? " AND late" : " AND NOT late"));
        }
        if (f.dueBefore() != null) {
            w.condition(ACTIVE + " AND next_due_at <= $?", LedgerRows.utc(f.dueBefore()));
        }
        if (f.tag() != null) {
            w.condition("tags @> ARRAY[$?]", f.tag());
        }
        return w;
    }

    /** The WHERE clause of a query, numbering its parameters as they are added. */
    private static final class Where {
        final List<String> conditions = new ArrayList<>();
        final List<Object> values = new ArrayList<>();

        Where condition(String sql, Object value) {
            values.add(value);
            conditions.add(sql.replace("$?", "$" + values.size()));
            return this;
        }

        Where and(String column, Object value) {
            return condition(column + " = $?", value);
        }

        String sql() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        Tuple tuple() {
            return Tuple.tuple(values);
        }
    }
}
