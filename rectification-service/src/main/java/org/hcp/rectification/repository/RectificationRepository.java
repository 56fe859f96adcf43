package org.hcp.rectification.repository;

import static org.hcp.kit.db.Transactions.batch;
import static org.hcp.kit.db.Transactions.query;
import static org.hcp.kit.db.Transactions.update;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.events.EventPayload;
import org.hcp.events.Topics;
import org.hcp.kit.outbox.Outbox;
import org.hcp.rectification.domain.LedgerEntry;
import org.hcp.rectification.domain.RectificationState;

/**
 * The write side of the ledger: each rectification's events ({@code rectification_event}) and its ledger row
 * ({@code rectification}), changed together with the outbox rows that publish the same events on
 * hcp.rectifications, in the caller's transaction.
 */
@ApplicationScoped
public class RectificationRepository {

    /** A rectification as stored: the fold of its events and how many there are. */
    public record Stored(RectificationState state, int events) {
    }

    /**
     * Locks the rectification's ledger row (commands on one rectification wait for each other) and folds its events.
     * Empty when there is none, or when it lies outside the region prefix / institution given (null: any).
     */
    public Optional<Stored> lock(SqlConnection tx, String rectificationId, String regionPrefix, String institution) {
        List<Row> found = query(tx, "SELECT rectification_id FROM rectification WHERE rectification_id = $1 "
                + "AND ($2::text IS NULL OR region_code LIKE $2 || '%') "
                + "AND ($3::text IS NULL OR institution_code = $3) FOR UPDATE",
                Tuple.of(rectificationId, regionPrefix, institution));
        return found.isEmpty() ? Optional.empty() : Optional.of(load(tx, rectificationId));
    }

    /** Locks and folds the rectification that answers a rating, if one does. */
    public Optional<Stored> lockByRating(SqlConnection tx, String ratingId) {
        List<Row> found = query(tx, "SELECT rectification_id FROM rectification WHERE rating_ids @> ARRAY[$1] "
                + "FOR UPDATE", Tuple.of(ratingId));
        return found.isEmpty() ? Optional.empty() : Optional.of(load(tx, found.get(0).getString("rectification_id")));
    }

    /** Locks up to {@code limit} rectifications that have a step to flag at {@code now}, skipping those another holds. */
    public List<String> lockDueForOverdueCheck(SqlConnection tx, Instant now, int limit) {
        return query(tx, "SELECT rectification_id FROM rectification WHERE overdue_check_at < $1 "
                + "ORDER BY overdue_check_at LIMIT $2 FOR UPDATE SKIP LOCKED", Tuple.of(LedgerRows.utc(now), limit))
                .stream().map(r -> r.getString("rectification_id")).toList();
    }

    /** Locks every open rectification with a deadline counted provisionally (a year's calendar was missing). */
    public List<String> lockProvisional(SqlConnection tx) {
        return query(tx, "SELECT rectification_id FROM rectification WHERE deadlines_provisional "
                + "AND status NOT IN ('CLOSED', 'WITHDRAWN') ORDER BY rectification_id FOR UPDATE", Tuple.tuple())
                .stream().map(r -> r.getString("rectification_id")).toList();
    }

    public Stored load(SqlConnection tx, String rectificationId) {
        List<EventPayload> events = new ArrayList<>();
        for (Row row : query(tx, "SELECT envelope FROM rectification_event WHERE rectification_id = $1 ORDER BY seq",
                Tuple.of(rectificationId))) {
            events.add(EventJson.read(row.getString("envelope")).payload());
        }
        return new Stored(RectificationState.fold(events), events.size());
    }

    /**
     * Records {@code events} after {@code before} (null for a new rectification): appended to its events, its
     * ledger row replaced by what the fold now gives, and the events put in the outbox, all in {@code tx}.
     */
    public Stored append(SqlConnection tx, Stored before, List<EventEnvelope<EventPayload>> events) {
        RectificationState state = before == null ? null : before.state();
        int seq = before == null ? 0 : before.events();
        List<Tuple> rows = new ArrayList<>();
        for (EventEnvelope<EventPayload> event : events) {
            state = RectificationState.evolve(state, event.payload());
            rows.add(Tuple.of(event.key(), seq++, event.eventId(), EventJson.write(event)));
        }
        batch(tx, "INSERT INTO rectification_event (rectification_id, seq, event_id, envelope) "
                + "VALUES ($1, $2, $3, $4)", rows);
        upsert(tx, LedgerEntry.of(state, seq));
        for (EventEnvelope<EventPayload> event : events) {
            Outbox.append(tx, Topics.RECTIFICATIONS, event);
        }
        return new Stored(state, seq);
    }

    private static void upsert(SqlConnection tx, LedgerEntry e) {
        update(tx, "INSERT INTO rectification (" + LedgerRows.COLUMNS + ") VALUES (" + LedgerRows.PLACEHOLDERS + ") "
                + "ON CONFLICT (rectification_id) DO UPDATE SET " + LedgerRows.UPDATES, LedgerRows.tuple(e));
    }
}
