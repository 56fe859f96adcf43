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

/** Rating links (QR code, SMS link): issued once, used once, in the rating's transaction. */
@ApplicationScoped
public class RatingLinkRepository {

    /** @param forCaseEvaluator sent by the platform to the case's own evaluator: a rating through it is theirs */
    public record StoredLink(String linkId, String caseNumber, String visitId, String channel, Instant issuedAt,
            Instant expiresAt, Instant usedAt, String ratingId, boolean forCaseEvaluator) {
    }

    private static final String COLUMNS = "SELECT link_id, case_number, visit_id, channel, issued_at, expires_at, "
            + "used_at, rating_id, for_case_evaluator FROM rating_link ";

    public void insert(SqlConnection tx, StoredLink link, String codeHash, String issuedBy) {
        update(tx, "INSERT INTO rating_link (link_id, case_number, visit_id, channel, issued_by, issued_at, expires_at, "
                + "code_hash, used_at, rating_id, for_case_evaluator) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
                + "$11)", Tuple.tuple()
                .addString(link.linkId()).addString(link.caseNumber()).addString(link.visitId())
                .addString(link.channel()).addString(issuedBy).addOffsetDateTime(utc(link.issuedAt()))
                .addOffsetDateTime(utc(link.expiresAt())).addString(codeHash).addOffsetDateTime(utc(link.usedAt()))
                .addString(link.ratingId()).addBoolean(link.forCaseEvaluator()));
    }

    public StoredLink find(SqlConnection tx, String linkId) {
        return first(query(tx, COLUMNS + "WHERE link_id = $1", Tuple.of(linkId)));
    }

    /** A short link that recorded this rating, or null (its follow-up page is behind it). */
    public StoredLink findShortByRating(SqlConnection tx, String ratingId) {
        return first(query(tx, COLUMNS + "WHERE rating_id = $1 AND code_hash IS NOT NULL ORDER BY issued_at LIMIT 1",
                Tuple.of(ratingId)));
    }

    /** The link whose short code hashes to this (RatingLinkCode). */
    public StoredLink findByCodeHash(SqlConnection tx, String codeHash) {
        return first(query(tx, COLUMNS + "WHERE code_hash = $1", Tuple.of(codeHash)));
    }

    private static StoredLink first(List<Row> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        Row r = rows.get(0);
        return new StoredLink(r.getString("link_id"), r.getString("case_number"), r.getString("visit_id"),
                r.getString("channel"), instant(r, "issued_at"), instant(r, "expires_at"), instant(r, "used_at"),
                r.getString("rating_id"), r.getBoolean("for_case_evaluator"));
    }

    /** Uses the link up, in the rating's transaction (a reactive chain); false when it was used already. */
    public Uni<Boolean> use(SqlConnection tx, String linkId, String ratingId, Instant at) {
        return tx.preparedQuery("UPDATE rating_link SET used_at = $2, rating_id = $3 WHERE link_id = $1 "
                + "AND used_at IS NULL").execute(Tuple.of(linkId, utc(at), ratingId)).map(r -> r.rowCount() == 1);
    }

}
