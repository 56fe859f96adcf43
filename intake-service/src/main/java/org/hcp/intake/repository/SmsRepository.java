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

/** SMS invitations (sent after completion) and the replies to them, each reply answered once. */
@ApplicationScoped
public class SmsRepository {

    public record Invitation(String invitationId, String caseNumber, String visitId, String linkId, Instant sentAt,
            Instant expiresAt) {
    }

    public record Reply(String messageId, String invitationId, String outcome, String reply, String ratingId) {
    }

    public void insertInvitation(SqlConnection tx, Invitation invitation, String phoneKey) {
        update(tx, "INSERT INTO sms_invitation (invitation_id, case_number, visit_id, phone_key, link_id, sent_at, "
                + "expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)", Tuple.tuple().addString(invitation.invitationId())
                .addString(invitation.caseNumber()).addString(invitation.visitId()).addString(phoneKey)
                .addString(invitation.linkId()).addOffsetDateTime(utc(invitation.sentAt()))
                .addOffsetDateTime(utc(invitation.expiresAt())));
    }

    /**
     * The newest unanswered, unexpired invitation to this phone: a reply rates the case the latest SMS was sent for.
     * Two replies racing for it are settled by {@link #answer} in the rating's transaction.
     */
    public Invitation findOpenInvitation(SqlConnection tx, String phoneKey, Instant now) {
        List<Row> rows = query(tx, "SELECT invitation_id, case_number, visit_id, link_id, sent_at, expires_at "
                + "FROM sms_invitation WHERE phone_key = $1 AND answered_at IS NULL AND expires_at > $2 "
                + "ORDER BY sent_at DESC, invitation_id DESC LIMIT 1", Tuple.of(phoneKey, utc(now)));
        if (rows.isEmpty()) {
            return null;
        }
        Row r = rows.get(0);
        return new Invitation(r.getString("invitation_id"), r.getString("case_number"), r.getString("visit_id"),
                r.getString("link_id"), instant(r, "sent_at"), instant(r, "expires_at"));
    }

    /** Answers the invitation; false when another reply answered it first. */
    /** Marks the invitation answered, in the rating's transaction (a reactive chain); false when it was already. */
    public Uni<Boolean> answer(SqlConnection tx, String invitationId, String ratingId, Instant at) {
        return tx.preparedQuery("UPDATE sms_invitation SET answered_at = $2, rating_id = $3 "
                        + "WHERE invitation_id = $1 AND answered_at IS NULL")
                .execute(Tuple.of(invitationId, utc(at), ratingId)).map(r -> r.rowCount() == 1);
    }

    public Reply findReply(SqlConnection tx, String messageId) {
        List<Row> rows = query(tx, "SELECT message_id, invitation_id, outcome, reply, rating_id FROM sms_reply "
                + "WHERE message_id = $1", Tuple.of(messageId));
        if (rows.isEmpty()) {
            return null;
        }
        Row r = rows.get(0);
        return new Reply(r.getString("message_id"), r.getString("invitation_id"), r.getString("outcome"),
                r.getString("reply"), r.getString("rating_id"));
    }

    /** Records the answer to a message; false when the same message was answered concurrently. */
    private static final String INSERT_REPLY = "INSERT INTO sms_reply (message_id, invitation_id, outcome, reply, "
            + "rating_id, received_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING";

    public boolean insertReply(SqlConnection tx, Reply reply, Instant receivedAt) {
        return update(tx, INSERT_REPLY, replyRow(reply, receivedAt)) == 1;
    }

    /** As {@link #insertReply}, in the rating's transaction (a reactive chain). */
    public Uni<Boolean> insertReplyInChain(SqlConnection tx, Reply reply, Instant receivedAt) {
        return tx.preparedQuery(INSERT_REPLY).execute(replyRow(reply, receivedAt)).map(r -> r.rowCount() == 1);
    }

    private static Tuple replyRow(Reply reply, Instant receivedAt) {
        return Tuple.tuple().addString(reply.messageId()).addString(reply.invitationId()).addString(reply.outcome())
                .addString(reply.reply()).addString(reply.ratingId()).addOffsetDateTime(utc(receivedAt));
    }
}
