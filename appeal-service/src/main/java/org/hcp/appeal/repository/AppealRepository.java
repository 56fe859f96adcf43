package org.hcp.appeal.repository;

import static org.hcp.kit.db.Transactions.batch;
import static org.hcp.kit.db.Transactions.query;
import static org.hcp.kit.db.Transactions.update;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hcp.appeal.domain.AppealEntry;
import org.hcp.appeal.domain.AppealState;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.events.EventPayload;
import org.hcp.events.Topics;
import org.hcp.events.appeal.Appellant;
import org.hcp.kit.outbox.Outbox;

/**
 * Each rating's appeal events ({@code appeal_event}) and the queue row their fold gives ({@code appeal}), changed
 * together with the outbox rows that publish the same events on hcp.appeals, in the caller's transaction; and the
 * queue's reads.
 */
@ApplicationScoped
public class AppealRepository {

    private static final String COLUMNS = "rating_id, appeal_id, case_number, institution_code, region_code, level, "
            + "appellant, grounds, status, not_adopted, received_at, filed_at, window_due_at, decision_due_at, "
            + "decided_at, verifications, evidence, overdue, overdue_check_at, events";

    private final Pool pool;

    public AppealRepository(Pool pool) {
        this.pool = pool;
    }

    /** An appeal as stored: the fold of its events (null when none) and how many there are. */
    public record Stored(AppealState state, int events) {
    }

    /** The appeal on a rating, folded from its events (the caller holds the rating's lock). */
    public Stored load(SqlConnection tx, String ratingId) {
        List<EventPayload> events = new ArrayList<>();
        for (Row row : query(tx, "SELECT envelope FROM appeal_event WHERE rating_id = $1 ORDER BY seq",
                Tuple.of(ratingId))) {
            events.add(EventJson.read(row.getString("envelope")).payload());
        }
        return new Stored(AppealState.fold(events), events.size());
    }

    /** Records {@code events} after {@code before}: appended, the queue row replaced by the fold, and in the outbox. */
    public Stored append(SqlConnection tx, Stored before, List<EventEnvelope<EventPayload>> events) {
        AppealState state = before.state();
        int seq = before.events();
        List<Tuple> rows = new ArrayList<>();
        for (EventEnvelope<EventPayload> event : events) {
            state = AppealState.evolve(state, event.payload());
            rows.add(Tuple.of(event.key(), seq++, event.eventId(), EventJson.write(event)));
        }
        batch(tx, "INSERT INTO appeal_event (rating_id, seq, event_id, envelope) VALUES ($1, $2, $3, $4)", rows);
        AppealEntry e = AppealEntry.of(state, seq);
        update(tx, "INSERT INTO appeal (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
                + "$13, $14, $15, $16, $17, $18, $19, $20) ON CONFLICT (rating_id) DO UPDATE SET status = "
                + "EXCLUDED.status, not_adopted = EXCLUDED.not_adopted, decided_at = EXCLUDED.decided_at, "
                + "window_due_at = EXCLUDED.window_due_at, decision_due_at = EXCLUDED.decision_due_at, "
                + "verifications = EXCLUDED.verifications, evidence = EXCLUDED.evidence, overdue = EXCLUDED.overdue, "
                + "overdue_check_at = EXCLUDED.overdue_check_at, events = EXCLUDED.events", tuple(e));
        for (EventEnvelope<EventPayload> event : events) {
            Outbox.append(tx, Topics.APPEALS, event);
        }
        return new Stored(state, seq);
    }

    /** Locks every undecided appeal (a year's calendar was published: their deadlines may move). */
    public List<String> lockOpen(SqlConnection tx) {
        return query(tx, "SELECT rating_id FROM appeal WHERE status = 'OPEN' ORDER BY rating_id FOR UPDATE",
                Tuple.tuple()).stream().map(r -> r.getString("rating_id")).toList();
    }

    /** Up to {@code limit} undecided appeals past their decision deadline, skipping those another replica holds. */
    public List<String> lockDueForOverdueCheck(SqlConnection tx, Instant now, int limit) {
        return query(tx, "SELECT rating_id FROM appeal WHERE overdue_check_at < $1 ORDER BY overdue_check_at "
                + "LIMIT $2 FOR UPDATE SKIP LOCKED", Tuple.of(utc(now), limit)).stream()
                .map(r -> r.getString("rating_id")).toList();
    }

    /** The queue within a region prefix / institution (null: any), by status and overdue, soonest deadline first. */
    public Uni<List<AppealEntry>> list(String regionPrefix, String institution, String status, Boolean overdue,
            int offset, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM appeal WHERE ($1::text IS NULL OR region_code LIKE $1 "
                        + "|| '%') AND ($2::text IS NULL OR institution_code = $2) AND ($3::text IS NULL OR status = $3) "
                        + "AND ($4::boolean IS NULL OR overdue = $4) ORDER BY decision_due_at NULLS LAST, rating_id "
                        + "LIMIT $5 OFFSET $6")
                .execute(Tuple.tuple(Arrays.asList(regionPrefix, institution, status, overdue, limit, offset)))
                .map(rows -> {
                    List<AppealEntry> entries = new ArrayList<>();
                    rows.forEach(r -> entries.add(entry(r)));
                    return entries;
                });
    }

    /** One appeal within the region prefix / institution given, with its events in order. */
    public Uni<Optional<CaseFile>> caseFile(String ratingId, String regionPrefix, String institution) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM appeal WHERE rating_id = $1 AND ($2::text IS NULL OR "
                        + "region_code LIKE $2 || '%') AND ($3::text IS NULL OR institution_code = $3)")
                .execute(Tuple.of(ratingId, regionPrefix, institution))
                .flatMap(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(Optional.<CaseFile>empty());
                    }
                    AppealEntry entry = entry(rows.iterator().next());
                    return pool.preparedQuery("SELECT envelope FROM appeal_event WHERE rating_id = $1 ORDER BY seq")
                            .execute(Tuple.of(ratingId)).map(events -> {
                                List<Recorded> history = new ArrayList<>();
                                for (Row row : events) {
                                    var event = EventJson.read(row.getString("envelope"));
                                    history.add(new Recorded(event.type(), event.recordedAt(), event.payload()));
                                }
                                return Optional.of(new CaseFile(entry, history));
                            });
                });
    }

    public record Recorded(String type, Instant recordedAt, EventPayload payload) {
    }

    /** The appeal case file: the queue row and every event of the appeal, in order (R3; no evaluator identity). */
    public record CaseFile(AppealEntry appeal, List<Recorded> timeline) {
    }

    private static Tuple tuple(AppealEntry e) {
        return Tuple.tuple(Arrays.asList(e.ratingId(), e.appealId(), e.caseNumber(), e.institutionCode(),
                e.regionCode(), (short) e.level(), e.appellant().name(), e.grounds(), e.status(), e.notAdopted(),
                utc(e.receivedAt()), utc(e.filedAt()), utc(e.windowDueAt()), utc(e.decisionDueAt()),
                utc(e.decidedAt()), e.verifications(), e.evidence(), e.overdue(), utc(e.overdueCheckAt()),
                e.events()));
    }

    private static AppealEntry entry(Row r) {
        return new AppealEntry(r.getString("rating_id"), r.getString("appeal_id"), r.getString("case_number"),
                r.getString("institution_code"), r.getString("region_code"), r.getShort("level"),
                Appellant.valueOf(r.getString("appellant")), r.getString("grounds"), r.getString("status"),
                r.getBoolean("not_adopted"), instant(r, "received_at"), instant(r, "filed_at"),
                instant(r, "window_due_at"), instant(r, "decision_due_at"), instant(r, "decided_at"),
                r.getInteger("verifications"), r.getInteger("evidence"), r.getBoolean("overdue"),
                instant(r, "overdue_check_at"), r.getInteger("events"));
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime at = r.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }
}
