package org.hcp.intake.repository;

import static org.hcp.kit.db.Transactions.query;
import static org.hcp.kit.db.Transactions.update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hcp.events.CaseCompleted;
import org.hcp.events.CaseKind;
import org.hcp.events.CaseVisit;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.events.policy.CaseDeadlines;
import org.hcp.intake.domain.ServiceCase;

/** Completed cases and their rating slots, read and written inside the caller's transaction. */
@ApplicationScoped
public class CaseRepository {

    private static final String COLUMNS = "case_number, case_kind, item_code, institution_code, window_code, "
            + "staff_id, platform_code, region_code, completed_at, batch_id, chain_id, visits::text AS visits, "
            + "evaluator_pseudonym, supplementary_until, reminder_due_at, reminder_issued_at, default_rating_due_at, "
            + "default_level, deadlines_provisional, rated, event_id, request_fingerprint";

    /** A stored case with what the scheduler and the API need beyond the domain's view. */
    public record StoredCase(ServiceCase serviceCase, UUID eventId, String fingerprint, Instant reminderDueAt,
            Instant reminderIssuedAt, Instant defaultRatingDueAt, Integer defaultLevel, boolean provisional) {
    }

    /** Inserts the case; false when the case number exists (a reactive chain). */
    public Uni<Boolean> insert(SqlConnection tx, EventEnvelope<CaseCompleted> event, CaseDeadlines deadlines,
            String fingerprint) {
        CaseCompleted c = event.payload();
        Tuple values = Tuple.tuple()
                .addString(c.caseNumber()).addString(c.caseKind().name()).addString(c.itemCode())
                .addString(c.institutionCode()).addString(c.windowCode()).addString(c.staffId())
                .addString(c.platformCode()).addString(c.regionCode()).addOffsetDateTime(utc(c.completedAt()))
                .addString(c.batchId()).addString(c.chainId()).addValue(new io.vertx.core.json.JsonArray(json(c.visits())))
                .addString(c.evaluatorPseudonym()).addOffsetDateTime(utc(deadlines.supplementaryUntil()))
                .addOffsetDateTime(utc(deadlines.reminderDueAt())).addOffsetDateTime(utc(deadlines.defaultRatingDueAt()))
                .addValue(deadlines.defaultLevel() == null ? null : deadlines.defaultLevel().shortValue())
                .addBoolean(deadlines.provisional()).addUUID(event.eventId()).addString(fingerprint)
                .addOffsetDateTime(utc(event.recordedAt()));
        return tx.preparedQuery("""
                INSERT INTO service_case (case_number, case_kind, item_code, institution_code, window_code, staff_id,
                    platform_code, region_code, completed_at, batch_id, chain_id, visits, evaluator_pseudonym,
                    supplementary_until, reminder_due_at, default_rating_due_at, default_level,
                    deadlines_provisional, event_id, request_fingerprint, reported_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
                    $20, $21)
                ON CONFLICT (case_number) DO NOTHING""").execute(values).map(r -> r.rowCount() == 1);
    }

    /** The case with its taken slots, or null (a reactive chain). */
    public Uni<StoredCase> findInChain(SqlConnection tx, String caseNumber) {
        return tx.preparedQuery(WITH_SLOTS + "WHERE c.case_number = $1").execute(Tuple.of(caseNumber))
                .map(rows -> rows.size() == 0 ? null : storedWithSlots(rows.iterator().next()));
    }

    /** The cases of a batch (R1.5), with their taken slots (a reactive chain). */
    public Uni<List<ServiceCase>> batchMembersInChain(SqlConnection tx, String batchId) {
        return tx.preparedQuery(WITH_SLOTS + "WHERE c.batch_id = $1").execute(Tuple.of(batchId))
                .map(rows -> {
                    List<ServiceCase> members = new ArrayList<>();
                    rows.forEach(r -> members.add(storedWithSlots(r).serviceCase()));
                    return members;
                });
    }

    private static final String WITH_SLOTS = "SELECT " + COLUMNS
            + ", ARRAY(SELECT s.slot FROM rating_slot s WHERE s.case_number = c.case_number) AS slots "
            + "FROM service_case c ";

    private static StoredCase storedWithSlots(Row r) {
        String[] slots = r.getArrayOfStrings("slots");
        return stored(r, slots == null ? Set.of() : new HashSet<>(Arrays.asList(slots)));
    }

    public StoredCase find(SqlConnection tx, String caseNumber) {
        List<StoredCase> found = read(tx, "SELECT " + COLUMNS + " FROM service_case WHERE case_number = $1",
                Tuple.of(caseNumber));
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Locks the cases and every case their ratings may apply to (their batches, their chains), in case-number order
     * so two requests never deadlock, with their taken slots: one statement, however many cases. Then the decision
     * reads what no other request can change until commit.
     */
    public Uni<Map<String, ServiceCase>> lockWithGroups(SqlConnection tx, Collection<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return tx.preparedQuery("""
                        WITH wanted AS (
                            SELECT unnest($1::text[]) AS case_number
                            UNION SELECT m.case_number FROM service_case h JOIN service_case m ON m.batch_id = h.batch_id
                                  WHERE h.case_number = ANY($1) AND h.batch_id IS NOT NULL
                            UNION SELECT m.case_number FROM service_case h JOIN service_case m ON m.chain_id = h.chain_id
                                  WHERE h.case_number = ANY($1) AND h.chain_id IS NOT NULL)
                        %s WHERE c.case_number IN (SELECT case_number FROM wanted)
                        ORDER BY c.case_number FOR UPDATE OF c""".formatted(WITH_SLOTS))
                .execute(Tuple.of(caseNumbers.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, ServiceCase> locked = new HashMap<>();
                    for (Row r : rows) {
                        ServiceCase c = storedWithSlots(r).serviceCase();
                        locked.put(c.caseNumber(), c);
                    }
                    return locked;
                });
    }

    /**
     * Marks cases rated, which takes them out of the due-case indexes. The scheduler does it for the rated cases it
     * meets; a rating request does not, so that its path updates no indexed column (docs/performance.md).
     */
    public void markRated(SqlConnection tx, List<String> caseNumbers) {
        if (!caseNumbers.isEmpty()) {
            update(tx, "UPDATE service_case SET rated = true WHERE case_number = ANY($1)",
                    Tuple.of(caseNumbers.toArray(String[]::new)));
        }
    }


    /** R1.9: unrated cases whose default rating is due, claimed so that one replica alone makes each. */
    public List<StoredCase> claimDefaultRatingsDue(SqlConnection tx, Instant now, int limit) {
        return read(tx, "SELECT " + COLUMNS + " FROM service_case WHERE NOT rated AND default_rating_due_at <= $1 "
                + "ORDER BY default_rating_due_at LIMIT $2 FOR UPDATE SKIP LOCKED", Tuple.of(utc(now), limit));
    }

    /** R1.9: unrated cases whose reminder is due and not yet issued. */
    public List<StoredCase> claimRemindersDue(SqlConnection tx, Instant now, int limit) {
        return read(tx, "SELECT " + COLUMNS + " FROM service_case WHERE NOT rated AND reminder_issued_at IS NULL "
                + "AND reminder_due_at <= $1 ORDER BY reminder_due_at LIMIT $2 FOR UPDATE SKIP LOCKED",
                Tuple.of(utc(now), limit));
    }

    /** Unrated cases whose deadlines were counted without an official calendar, locked to be counted again. */
    public List<ServiceCase> lockUnratedWithProvisionalDeadlines(SqlConnection tx) {
        // "rated" is set lazily (by the scheduler); the slots say for certain.
        return read(tx, "SELECT " + COLUMNS + " FROM service_case WHERE deadlines_provisional AND NOT rated "
                + "FOR UPDATE", Tuple.tuple()).stream().map(StoredCase::serviceCase).filter(c -> !c.isRated())
                .toList();
    }

    /** Stores a case's recounted deadlines; answers whether any of them moved (or stopped being provisional). */
    public boolean updateDeadlines(SqlConnection tx, String caseNumber, CaseDeadlines d) {
        return update(tx, "UPDATE service_case SET supplementary_until = $2, reminder_due_at = $3, "
                        + "default_rating_due_at = $4, deadlines_provisional = $5 WHERE case_number = $1 AND "
                        + "(supplementary_until, reminder_due_at, default_rating_due_at, deadlines_provisional) "
                        + "IS DISTINCT FROM ($2, $3, $4, $5)",
                Tuple.of(caseNumber, utc(d.supplementaryUntil()), utc(d.reminderDueAt()),
                        utc(d.defaultRatingDueAt()), d.provisional())) > 0;
    }

    public void markReminderIssued(SqlConnection tx, String caseNumber, Instant at) {
        update(tx, "UPDATE service_case SET reminder_issued_at = $2 WHERE case_number = $1",
                Tuple.of(caseNumber, utc(at)));
    }

    private List<StoredCase> read(SqlConnection tx, String sql, Tuple parameters) {
        List<Row> rows = query(tx, sql, parameters);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> numbers = rows.stream().map(r -> r.getString("case_number")).toList();
        Map<String, Set<String>> slots = new HashMap<>();
        query(tx, "SELECT case_number, slot FROM rating_slot WHERE case_number = ANY($1)",
                Tuple.of(numbers.toArray(String[]::new)))
                .forEach(r -> slots.computeIfAbsent(r.getString("case_number"), k -> new HashSet<>())
                        .add(r.getString("slot")));
        List<StoredCase> result = new ArrayList<>();
        for (Row r : rows) {
            result.add(stored(r, slots.getOrDefault(r.getString("case_number"), Set.of())));
        }
        return result;
    }

    private static StoredCase stored(Row r, Set<String> slots) {
        ServiceCase c = new ServiceCase(r.getString("case_number"), CaseKind.valueOf(r.getString("case_kind")),
                r.getString("item_code"), r.getString("institution_code"), r.getString("window_code"),
                r.getString("staff_id"), r.getString("platform_code"), r.getString("region_code"),
                instant(r, "completed_at"), r.getString("batch_id"), r.getString("chain_id"),
                visits(r.getString("visits")), r.getString("evaluator_pseudonym"),
                instant(r, "supplementary_until"), slots);
        Short level = r.getShort("default_level");
        return new StoredCase(c, r.getUUID("event_id"), r.getString("request_fingerprint"),
                instant(r, "reminder_due_at"), instant(r, "reminder_issued_at"),
                instant(r, "default_rating_due_at"), level == null ? null : level.intValue(),
                r.getBoolean("deadlines_provisional"));
    }

    private static List<CaseVisit> visits(String json) {
        try {
            return EventJson.mapper().readValue(json, new TypeReference<List<CaseVisit>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable visits", e);
        }
    }

    private static String json(List<CaseVisit> visits) {
        try {
            return EventJson.mapper().writeValueAsString(visits);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
