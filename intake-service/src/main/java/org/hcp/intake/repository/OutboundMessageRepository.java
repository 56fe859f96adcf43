package org.hcp.intake.repository;

import static org.hcp.intake.repository.CaseRepository.instant;
import static org.hcp.intake.repository.CaseRepository.utc;
import static org.hcp.kit.db.Transactions.query;
import static org.hcp.kit.db.Transactions.update;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.hcp.events.policy.MessageKind;

/** The table {@code outbound_message}: each short message to an evaluator, from its trigger to its receipt. */
@ApplicationScoped
public class OutboundMessageRepository {

    /** Where a message stands. SENDING is held only while the SMSC is being asked. */
    public enum Status {
        PENDING, SENDING, SENT, DELIVERED, UNDELIVERED, DROPPED, PARKED
    }

    public record Message(String messageId, MessageKind kind, String caseNumber, String ratingId, Status status,
            Instant notBefore, int attempts, String phoneKey, String body, Integer segments, String smscMessageId,
            String lastError, Instant createdAt, Instant sentAt, Instant doneAt) {
    }

    private static final String COLUMNS = "SELECT message_id, kind, case_number, rating_id, status, not_before, "
            + "attempts, phone_key, body, segments, smsc_message_id, last_error, created_at, sent_at, done_at "
            + "FROM outbound_message ";

    private static final String QUEUE_FOR_CONTACT = "INSERT INTO outbound_message (message_id, kind, case_number, "
            + "status, not_before, created_at) SELECT $1, $2, $3, 'PENDING', $4, $5 WHERE EXISTS (SELECT 1 FROM "
            + "evaluator_contact WHERE case_number = $3) ON CONFLICT DO NOTHING";

    /**
     * R1.8: an invitation for a case whose evaluator left contact details, in the transaction that reports the case
     * (a reactive chain).
     */
    public Uni<Void> queueForContact(SqlConnection tx, MessageKind kind, String caseNumber, Instant notBefore,
            Instant now) {
        return tx.preparedQuery(QUEUE_FOR_CONTACT).execute(forContact(kind, caseNumber, notBefore, now))
                .replaceWithVoid();
    }

    /** R1.9: a reminder, as {@link #queueForContact}, in the scheduler's transaction. */
    public void queueReminder(SqlConnection tx, String caseNumber, Instant now) {
        update(tx, QUEUE_FOR_CONTACT, forContact(MessageKind.REMINDER, caseNumber, now, now));
    }

    private static Tuple forContact(MessageKind kind, String caseNumber, Instant notBefore, Instant now) {
        return Tuple.tuple().addString(kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + caseNumber)
                .addString(kind.name()).addString(caseNumber).addOffsetDateTime(utc(notBefore))
                .addOffsetDateTime(utc(now));
    }

    /** R2.4: the feedback of a rectification to each evaluator whose rating it covers and who is still counted. */
    public int queueFeedback(SqlConnection tx, String rectificationId, Instant now) {
        return update(tx, "INSERT INTO outbound_message (message_id, kind, case_number, rating_id, status, not_before, "
                + "created_at) SELECT 'feedback:' || p.rating_id, 'FEEDBACK', r.case_number, p.rating_id, 'PENDING', "
                + "$2, $2 FROM rectification_progress_rating p JOIN rating r USING (rating_id) "
                + "WHERE p.rectification_id = $1 AND NOT p.withdrawn AND EXISTS (SELECT 1 FROM evaluator_contact e "
                + "WHERE e.case_number = r.case_number) ON CONFLICT DO NOTHING",
                Tuple.of(rectificationId, utc(now)));
    }

    /** Due messages, locked for this transaction (another replica skips them). */
    public List<Message> claimDue(SqlConnection tx, Instant now, int limit) {
        return query(tx, COLUMNS + "WHERE status = 'PENDING' AND not_before <= $1 ORDER BY not_before "
                + "LIMIT $2 FOR UPDATE SKIP LOCKED", Tuple.of(utc(now), limit)).stream()
                .map(OutboundMessageRepository::message).toList();
    }

    public void waitUntil(SqlConnection tx, String messageId, Instant until, String phoneKey) {
        update(tx, "UPDATE outbound_message SET not_before = $2, phone_key = coalesce($3, phone_key) "
                + "WHERE message_id = $1", Tuple.of(messageId, utc(until), phoneKey));
    }

    public void drop(SqlConnection tx, String messageId, String reason, Instant now) {
        update(tx, "UPDATE outbound_message SET status = 'DROPPED', last_error = $2, done_at = $3 "
                + "WHERE message_id = $1", Tuple.of(messageId, reason, utc(now)));
    }

    /** Marks the message as being sent, with its text, until {@code claimedUntil}: after that it is parked. */
    public void sending(SqlConnection tx, String messageId, String phoneKey, String body, int segments,
            Instant claimedUntil) {
        update(tx, "UPDATE outbound_message SET status = 'SENDING', phone_key = $2, body = $3, segments = $4, "
                + "claimed_until = $5, attempts = attempts + 1 WHERE message_id = $1", Tuple.tuple()
                .addString(messageId).addString(phoneKey).addString(body).addInteger(segments)
                .addOffsetDateTime(utc(claimedUntil)));
    }

    public void sent(SqlConnection tx, String messageId, String smscMessageId, Instant now) {
        update(tx, "UPDATE outbound_message SET status = 'SENT', smsc_message_id = $2, sent_at = $3, "
                + "claimed_until = NULL WHERE message_id = $1 AND status = 'SENDING'",
                Tuple.of(messageId, smscMessageId, utc(now)));
    }

    /** The SMSC refused it or could not be reached: it was not sent, so it is tried again later, or parked. */
    public void failed(SqlConnection tx, String messageId, String error, Instant retryAt, boolean park) {
        update(tx, "UPDATE outbound_message SET status = $2, last_error = $3, not_before = coalesce($4, not_before), "
                + "claimed_until = NULL WHERE message_id = $1", Tuple.tuple().addString(messageId)
                .addString(park ? Status.PARKED.name() : Status.PENDING.name()).addString(error)
                .addOffsetDateTime(utc(retryAt)));
    }

    /**
     * Messages left SENDING by a sender that stopped (a crash, a kill): the SMSC may or may not have them, so they
     * are parked for an operator rather than sent again. A message goes out at most once.
     */
    public int parkAbandoned(SqlConnection tx, Instant now) {
        return update(tx, "UPDATE outbound_message SET status = 'PARKED', claimed_until = NULL, last_error = "
                + "'the sender stopped while sending it: it may have gone out, so it is not sent again by itself' "
                + "WHERE status = 'SENDING' AND claimed_until < $1", Tuple.of(utc(now)));
    }

    /** A delivery receipt: DELIVERED or UNDELIVERED, by the SMSC's message id. */
    public int receipt(SqlConnection tx, String smscMessageId, boolean delivered, String state, Instant now) {
        return update(tx, "UPDATE outbound_message SET status = $2, done_at = $3, last_error = $4 "
                + "WHERE smsc_message_id = $1 AND status IN ('SENT', 'PARKED')", Tuple.of(smscMessageId,
                delivered ? Status.DELIVERED.name() : Status.UNDELIVERED.name(), utc(now),
                delivered ? null : "receipt: " + state));
    }

    /**
     * How many messages this phone was sent since {@code since} (the jurisdiction's day), for the daily cap, counting
     * those being sent now: several messages to one phone can fall due in one round.
     */
    public int sentSince(SqlConnection tx, String phoneKey, Instant since) {
        return query(tx, "SELECT (SELECT count(*) FROM outbound_message WHERE phone_key = $1 AND sent_at >= $2) "
                + "+ (SELECT count(*) FROM outbound_message WHERE phone_key = $1 AND status = 'SENDING') AS n",
                Tuple.of(phoneKey, utc(since))).get(0).getLong("n").intValue();
    }

    public boolean optedOut(SqlConnection tx, String phoneKey) {
        return !query(tx, "SELECT 1 FROM sms_opt_out WHERE phone_key = $1", Tuple.of(phoneKey)).isEmpty();
    }

    public void optOut(SqlConnection tx, String phoneKey, Instant now) {
        update(tx, "INSERT INTO sms_opt_out (phone_key, opted_out_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                Tuple.of(phoneKey, utc(now)));
    }

    /** For operators: the messages in one status, newest first. */
    public List<Message> list(SqlConnection tx, Status status, int limit, int offset) {
        return query(tx, COLUMNS + "WHERE status = $1 ORDER BY created_at DESC, message_id LIMIT $2 OFFSET $3",
                Tuple.of(status.name(), limit, offset)).stream().map(OutboundMessageRepository::message).toList();
    }

    /** An operator sends a parked message again. */
    public boolean retry(SqlConnection tx, String messageId, Instant now) {
        return update(tx, "UPDATE outbound_message SET status = 'PENDING', not_before = $2, last_error = NULL "
                + "WHERE message_id = $1 AND status = 'PARKED'", Tuple.of(messageId, utc(now))) == 1;
    }

    public Message find(SqlConnection tx, String messageId) {
        List<Row> rows = query(tx, COLUMNS + "WHERE message_id = $1", Tuple.of(messageId));
        return rows.isEmpty() ? null : message(rows.get(0));
    }

    private static Message message(Row r) {
        return new Message(r.getString("message_id"), MessageKind.valueOf(r.getString("kind")),
                r.getString("case_number"), r.getString("rating_id"), Status.valueOf(r.getString("status")),
                instant(r, "not_before"), r.getInteger("attempts"), r.getString("phone_key"), r.getString("body"),
                r.getInteger("segments"), r.getString("smsc_message_id"), r.getString("last_error"),
                instant(r, "created_at"), instant(r, "sent_at"), instant(r, "done_at"));
    }
}
