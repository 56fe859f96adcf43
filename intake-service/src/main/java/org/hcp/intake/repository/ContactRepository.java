package org.hcp.intake.repository;

import static org.hcp.kit.db.Transactions.query;
import static org.hcp.kit.db.Transactions.update;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * R1.10, R6.1: the evaluators' sealed contacts ({@code evaluator_contact}), their wrapped data keys
 * ({@code evaluator_key}) and every reading of a contact ({@code contact_access}). Bytes only: sealing and opening are
 * the {@code ContactVault}'s.
 */
@ApplicationScoped
public class ContactRepository {

    private static final String KEY_OF = "SELECT wrapped_key FROM evaluator_key WHERE evaluator_pseudonym = $1";

    /** A case's sealed contact and its evaluator's wrapped data key (null once the evaluator was forgotten). */
    public record Sealed(byte[] sealed, byte[] wrappedKey) {
    }

    public Uni<Void> insertSealed(SqlConnection tx, String caseNumber, String pseudonym, byte[] sealed) {
        return tx.preparedQuery("INSERT INTO evaluator_contact (case_number, evaluator_pseudonym, sealed) "
                        + "VALUES ($1, $2, $3) ON CONFLICT (case_number) DO NOTHING")
                .execute(Tuple.of(caseNumber, pseudonym, io.vertx.core.buffer.Buffer.buffer(sealed))).replaceWithVoid();
    }

    public Optional<Sealed> sealedOf(SqlConnection tx, String caseNumber) {
        List<Row> rows = query(tx, "SELECT c.sealed, k.wrapped_key FROM evaluator_contact c "
                + "LEFT JOIN evaluator_key k ON k.evaluator_pseudonym = c.evaluator_pseudonym "
                + "WHERE c.case_number = $1", Tuple.of(caseNumber));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Buffer key = rows.get(0).getBuffer("wrapped_key");
        return Optional.of(new Sealed(rows.get(0).getBuffer("sealed").getBytes(), key == null ? null : key.getBytes()));
    }

    /** The evaluator's wrapped data key: the stored one, or {@code wrapped} stored now. */
    public Uni<byte[]> keepKey(SqlConnection tx, String pseudonym, byte[] wrapped, Instant now) {
        return tx.preparedQuery("WITH created AS (INSERT INTO evaluator_key (evaluator_pseudonym, wrapped_key, "
                        + "created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING wrapped_key) "
                        + "SELECT wrapped_key FROM created UNION ALL " + KEY_OF)
                .execute(Tuple.of(pseudonym, io.vertx.core.buffer.Buffer.buffer(wrapped), now.atOffset(ZoneOffset.UTC)))
                .chain(rows -> rows.size() > 0 ? Uni.createFrom().item(rows.iterator().next())
                        // A concurrent first report of the same evaluator committed after this statement began:
                        // a new statement sees its key.
                        : tx.preparedQuery(KEY_OF).execute(Tuple.of(pseudonym)).map(r -> r.iterator().next()))
                .map(row -> row.getBuffer("wrapped_key").getBytes());
    }

    /** Crypto-shredding: answers whether there was a key to delete. */
    public boolean deleteKey(SqlConnection tx, String pseudonym) {
        return update(tx, "DELETE FROM evaluator_key WHERE evaluator_pseudonym = $1", Tuple.of(pseudonym)) == 1;
    }

    public void recordAccess(SqlConnection tx, String caseNumber, String reader, String role, String purpose,
            String outcome, Instant now) {
        update(tx, "INSERT INTO contact_access (case_number, accessed_by, role, purpose, outcome, accessed_at) "
                + "VALUES ($1, $2, $3, $4, $5, $6)", Tuple.of(caseNumber, reader, role, purpose, outcome,
                now.atOffset(ZoneOffset.UTC)));
    }
}
