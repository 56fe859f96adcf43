package org.hcp.reporting.repository;

import static org.hcp.kit.db.Transactions.batch;
import static org.hcp.kit.db.Transactions.query;
import static org.hcp.kit.db.Transactions.update;
import static org.hcp.reporting.repository.StatisticsRepository.checked;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hcp.events.RatingOrigin;
import org.hcp.reporting.domain.AppealFact;
import org.hcp.reporting.domain.CaseFact;
import org.hcp.reporting.domain.Dimensions;
import org.hcp.reporting.domain.FollowUpFact;
import org.hcp.reporting.domain.RatingFact;
import org.hcp.reporting.domain.RectificationFact;

/**
 * The facts the statistics follow from, in whichever schema is asked for, always in the caller's transaction. Each
 * kind is loaded for a batch in one query and saved in one statement.
 */
@ApplicationScoped
public class FactRepository {

    /**
     * Every read and write of the facts and counters goes by key. A table that grows from empty within one replay
     * keeps statistics that call it empty until autovacuum analyses it, and the planner then scans the whole table
     * for each batch's {@code = ANY} lookup: the same replay measured 7 s or 65 s in loading cases, depending on when
     * the analyse came (docs/performance.md). For the rest of this transaction, sequential scans are a last resort.
     */
    public void lookUpByKey(SqlConnection tx) {
        update(tx, "SET LOCAL enable_seqscan = off", Tuple.tuple());
    }

    /**
     * Inserts the ratings not recorded before (by rating id), each adopted unless a recorded decision says otherwise
     * (R3.4: the decision may have been read first); answers those it inserted, as inserted.
     */
    public List<RatingFact> insertRatings(SqlConnection tx, String schema, List<RatingFact> ratings) {
        if (ratings.isEmpty()) {
            return List.of();
        }
        int n = ratings.size();
        String[] ids = new String[n];
        UUID[] eventIds = new UUID[n];
        String[] cases = new String[n];
        String[] regions = new String[n];
        String[] institutions = new String[n];
        String[] windows = new String[n];
        String[] staff = new String[n];
        String[] platforms = new String[n];
        String[] items = new String[n];
        String[] channels = new String[n];
        Integer[] levels = new Integer[n];
        String[] origins = new String[n];
        LocalDate[] days = new LocalDate[n];
        // Tags travel as one comma-joined string per rating: the client has no array-of-arrays parameter.
        String[] tags = new String[n];
        Map<String, RatingFact> byId = new HashMap<>();
        for (int i = 0; i < n; i++) {
            RatingFact r = ratings.get(i);
            Dimensions d = r.dimensions();
            ids[i] = r.ratingId();
            eventIds[i] = r.eventId();
            cases[i] = r.caseNumber();
            regions[i] = d.regionCode();
            institutions[i] = d.institutionCode();
            windows[i] = d.windowCode();
            staff[i] = d.staffId();
            platforms[i] = d.platformCode();
            items[i] = d.itemCode();
            channels[i] = d.channel();
            levels[i] = r.level();
            origins[i] = r.origin().name();
            days[i] = r.day();
            tags[i] = String.join(",", r.tags());
            byId.putIfAbsent(r.ratingId(), r);
        }
        List<Row> inserted = query(tx, """
                WITH input AS (
                    SELECT DISTINCT ON (rating_id) *
                    FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                $8::text[], $9::text[], $10::text[], $11::int[], $12::text[], $13::date[], $14::text[])
                         AS t(rating_id, event_id, case_number, region_code, institution_code, window_code, staff_id,
                              platform_code, item_code, channel, level, origin, day, tags)
                )
                INSERT INTO %1$s.rating_fact (rating_id, event_id, case_number, region_code, institution_code,
                                              window_code, staff_id, platform_code, item_code, channel, level, origin,
                                              day, tags, adopted)
                SELECT i.rating_id, i.event_id, i.case_number, i.region_code, i.institution_code, i.window_code,
                       i.staff_id, i.platform_code, i.item_code, i.channel, i.level, i.origin, i.day,
                       coalesce(string_to_array(nullif(i.tags, ''), ','), '{}'), NOT coalesce(d.not_adopted, false)
                FROM input i LEFT JOIN %1$s.rating_decision d ON d.rating_id = i.rating_id
                ON CONFLICT (rating_id) DO NOTHING
                RETURNING rating_id, adopted""".formatted(checked(schema)),
                Tuple.tuple().addArrayOfString(ids).addArrayOfUUID(eventIds).addArrayOfString(cases)
                        .addArrayOfString(regions).addArrayOfString(institutions).addArrayOfString(windows)
                        .addArrayOfString(staff).addArrayOfString(platforms).addArrayOfString(items)
                        .addArrayOfString(channels).addArrayOfInteger(levels).addArrayOfString(origins)
                        .addArrayOfLocalDate(days).addArrayOfString(tags));
        return inserted.stream()
                .map(row -> byId.get(row.getString("rating_id")).withAdopted(row.getBoolean("adopted"))).toList();
    }

    /** Stores follow-up ratings (追评) not stored before, and answers those: the ones to count. */
    public List<FollowUpFact> insertFollowUps(SqlConnection tx, String schema, List<FollowUpFact> followUps) {
        List<FollowUpFact> inserted = new ArrayList<>();
        for (FollowUpFact f : followUps) {
            if (update(tx, ("INSERT INTO %s.follow_up_fact (follow_up_id, region_code, institution_code, day, level) "
                    + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (follow_up_id) DO NOTHING").formatted(checked(schema)),
                    Tuple.of(f.followUpId(), f.dimensions().regionCode(), f.dimensions().institutionCode(), f.day(),
                            (short) f.level())) == 1) {
                inserted.add(f);
            }
        }
        return inserted;
    }

    /** R3.4 / R3.5: records a rating's latest decision, for a rating read later. */
    public void recordDecision(SqlConnection tx, String schema, String ratingId, boolean notAdopted,
            String decisionId, Instant decidedAt) {
        update(tx, ("INSERT INTO %s.rating_decision (rating_id, not_adopted, decision_id, decided_at) "
                + "VALUES ($1, $2, $3, $4) ON CONFLICT (rating_id) DO UPDATE SET not_adopted = EXCLUDED.not_adopted, "
                + "decision_id = EXCLUDED.decision_id, decided_at = EXCLUDED.decided_at").formatted(checked(schema)),
                Tuple.of(ratingId, notAdopted, decisionId, decidedAt.atOffset(ZoneOffset.UTC)));
    }

    /** The rating's fact, null when it has not been read yet. */
    public RatingFact rating(SqlConnection tx, String schema, String ratingId) {
        List<Row> rows = query(tx, "SELECT * FROM %s.rating_fact WHERE rating_id = $1".formatted(checked(schema)),
                Tuple.of(ratingId));
        return rows.isEmpty() ? null : ratingFact(rows.get(0));
    }

    public void setAdopted(SqlConnection tx, String schema, String ratingId, boolean adopted) {
        update(tx, "UPDATE %s.rating_fact SET adopted = $2 WHERE rating_id = $1".formatted(checked(schema)),
                Tuple.of(ratingId, adopted));
    }

    public Map<String, CaseFact> cases(SqlConnection tx, String schema, Collection<String> caseNumbers) {
        Map<String, CaseFact> found = new HashMap<>();
        for (Row row : load(tx, schema, "case_fact", "case_number", caseNumbers)) {
            found.put(row.getString("case_number"), new CaseFact(row.getString("case_number"), dimensions(row),
                    row.getLocalDate("completed_day"), row.getInteger("evaluator_ratings")));
        }
        return found;
    }

    /** One statement for the batch: a row per statement was most of a replay's time (docs/performance.md). */
    public void saveCases(SqlConnection tx, String schema, Collection<CaseFact> cases) {
        if (cases.isEmpty()) {
            return;
        }
        int n = cases.size();
        String[] numbers = new String[n];
        String[] regions = new String[n];
        String[] institutions = new String[n];
        String[] windows = new String[n];
        String[] staff = new String[n];
        String[] platforms = new String[n];
        String[] items = new String[n];
        LocalDate[] completed = new LocalDate[n];
        Integer[] evaluatorRatings = new Integer[n];
        int i = 0;
        for (CaseFact c : cases) {
            Dimensions d = c.dimensions();
            numbers[i] = c.caseNumber();
            regions[i] = d.regionCode();
            institutions[i] = d.institutionCode();
            windows[i] = d.windowCode();
            staff[i] = d.staffId();
            platforms[i] = d.platformCode();
            items[i] = d.itemCode();
            completed[i] = c.completedDay();
            evaluatorRatings[i] = c.evaluatorRatings();
            i++;
        }
        update(tx, """
                INSERT INTO %s.case_fact (case_number, region_code, institution_code, window_code, staff_id,
                                          platform_code, item_code, completed_day, evaluator_ratings)
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                                     $7::text[], $8::date[], $9::int[])
                ON CONFLICT (case_number) DO UPDATE SET region_code = EXCLUDED.region_code,
                    institution_code = EXCLUDED.institution_code, window_code = EXCLUDED.window_code,
                    staff_id = EXCLUDED.staff_id, platform_code = EXCLUDED.platform_code,
                    item_code = EXCLUDED.item_code, completed_day = EXCLUDED.completed_day,
                    evaluator_ratings = EXCLUDED.evaluator_ratings""".formatted(checked(schema)),
                Tuple.tuple().addArrayOfString(numbers).addArrayOfString(regions).addArrayOfString(institutions)
                        .addArrayOfString(windows).addArrayOfString(staff).addArrayOfString(platforms)
                        .addArrayOfString(items).addArrayOfLocalDate(completed).addArrayOfInteger(evaluatorRatings));
    }

    public Map<String, RectificationFact> rectifications(SqlConnection tx, String schema, Collection<String> ids) {
        Map<String, RectificationFact> found = new HashMap<>();
        for (Row row : load(tx, schema, "rectification_fact", "rectification_id", ids)) {
            found.put(row.getString("rectification_id"), new RectificationFact(row.getString("rectification_id"),
                    dimensions(row), row.getLocalDate("day"), row.getBoolean("real_name"),
                    row.getBoolean("withdrawn"), row.getBoolean("closed"), row.getBoolean("on_time"),
                    row.getBoolean("called_back")));
        }
        return found;
    }

    public void saveRectifications(SqlConnection tx, String schema, Collection<RectificationFact> facts) {
        batch(tx, """
                INSERT INTO %s.rectification_fact (rectification_id, region_code, institution_code, window_code,
                    staff_id, item_code, channel, day, real_name, withdrawn, closed, on_time, called_back)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                ON CONFLICT (rectification_id) DO UPDATE SET withdrawn = EXCLUDED.withdrawn, closed = EXCLUDED.closed,
                    on_time = EXCLUDED.on_time, called_back = EXCLUDED.called_back""".formatted(checked(schema)),
                facts.stream().map(f -> {
                    Dimensions d = f.dimensions();
                    return Tuple.from(Arrays.asList(f.rectificationId(), d.regionCode(), d.institutionCode(),
                            d.windowCode(), d.staffId(), d.itemCode(), d.channel(), f.day(), f.realName(),
                            f.withdrawn(), f.closed(), f.onTime(), f.calledBack()));
                }).toList());
    }

    public Map<String, AppealFact> appeals(SqlConnection tx, String schema, Collection<String> ids) {
        Map<String, AppealFact> found = new HashMap<>();
        for (Row row : load(tx, schema, "appeal_fact", "appeal_id", ids)) {
            found.put(row.getString("appeal_id"), new AppealFact(row.getString("appeal_id"), dimensions(row),
                    row.getLocalDate("day"), row.getBoolean("upheld")));
        }
        return found;
    }

    public void saveAppeals(SqlConnection tx, String schema, Collection<AppealFact> facts) {
        batch(tx, """
                INSERT INTO %s.appeal_fact (appeal_id, region_code, institution_code, day, upheld)
                VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (appeal_id) DO UPDATE SET upheld = EXCLUDED.upheld""".formatted(checked(schema)),
                facts.stream().map(f -> Tuple.of(f.appealId(), f.dimensions().regionCode(),
                        f.dimensions().institutionCode(), f.day(), f.upheld())).toList());
    }

    /** R4.2: every version of a directory entry, once. */
    public void saveDirectory(SqlConnection tx, String schema, List<org.hcp.events.DirectoryEntryRecorded> entries) {
        batch(tx, "INSERT INTO %s.directory_name (kind, code, version, name, effective_from) VALUES ($1, $2, $3, $4, $5) "
                .formatted(checked(schema)) + "ON CONFLICT DO NOTHING",
                entries.stream().map(e -> Tuple.of(e.kind().name(), e.code(), e.version(), e.name(),
                        e.effectiveFrom().atOffset(ZoneOffset.UTC))).toList());
    }

    private static List<Row> load(SqlConnection tx, String schema, String table, String key, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return query(tx, "SELECT * FROM %s.%s WHERE %s = ANY($1)".formatted(checked(schema), table, key),
                Tuple.tuple().addArrayOfString(ids.toArray(String[]::new)));
    }

    private static RatingFact ratingFact(Row row) {
        String[] tags = row.getArrayOfStrings("tags");
        return new RatingFact(row.getString("rating_id"), row.getUUID("event_id"), row.getString("case_number"),
                dimensions(row), row.getShort("level"), RatingOrigin.valueOf(row.getString("origin")),
                row.getLocalDate("day"), tags == null ? List.of() : List.of(tags), row.getBoolean("adopted"));
    }

    /** The dimensions of a fact row; the columns a table does not have read as null. */
    private static Dimensions dimensions(Row row) {
        return new Dimensions(row.getString("region_code"), row.getString("institution_code"),
                column(row, "window_code"), column(row, "staff_id"), column(row, "platform_code"),
                column(row, "item_code"), column(row, "channel"));
    }

    private static String column(Row row, String name) {
        return row.getColumnIndex(name) < 0 ? null : row.getString(name);
    }
}
