package org.hcp.intake.service;

import static org.hcp.kit.db.Transactions.query;
import static org.hcp.kit.db.Transactions.update;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.EventJson;

/**
 * R1.10, R6.1: evaluators' contact details, encrypted at rest. Each evaluator has a data key (AES-256-GCM) wrapped
 * by the service's master key; deleting the data key forgets the person while the log stays as it is
 * (crypto-shredding, docs/architecture.md). Nothing here logs or returns plaintext except {@link #open}.
 */
@ApplicationScoped
public class ContactVault {

    private static final int NONCE = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey master;

    public ContactVault(@ConfigProperty(name = "hcp.evaluator.contact-master-key") String masterKeyBase64) {
        byte[] key = Base64.getDecoder().decode(masterKeyBase64);
        if (key.length != 32) {
            throw new IllegalArgumentException("hcp.evaluator.contact-master-key must be 32 bytes, base64");
        }
        this.master = new SecretKeySpec(key, "AES");
    }

    /** The contact details as sealed: no field is ever stored or logged in plaintext. */
    public record Contact(String name, String mobile, String idNumber) {
        @Override
        public String toString() {
            return "Contact[redacted]";
        }
    }

    /**
     * Seals the contact in the case report's transaction (a reactive chain): the evaluator's data key is created on
     * their first case, in the same statement that reads it when it exists.
     */
    public Uni<Void> seal(SqlConnection tx, String caseNumber, String pseudonym, Contact contact, Instant now) {
        byte[] plain;
        try {
            plain = EventJson.mapper().writeValueAsBytes(contact);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException(e));
        }
        return dataKey(tx, pseudonym, now).chain(dataKey -> tx.preparedQuery("INSERT INTO evaluator_contact "
                        + "(case_number, evaluator_pseudonym, sealed) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (case_number) DO NOTHING")
                .execute(Tuple.of(caseNumber, pseudonym, Buffer.buffer(encrypt(dataKey, plain, caseNumber)))))
                .replaceWithVoid();
    }

    /** The contact of a case; null when there is none or its evaluator was forgotten. */
    public Contact open(SqlConnection tx, String caseNumber) {
        List<Row> rows = query(tx, "SELECT c.sealed, k.wrapped_key FROM evaluator_contact c "
                + "LEFT JOIN evaluator_key k ON k.evaluator_pseudonym = c.evaluator_pseudonym "
                + "WHERE c.case_number = $1", Tuple.of(caseNumber));
        if (rows.isEmpty() || rows.get(0).getBuffer("wrapped_key") == null) {
            return null;
        }
        SecretKey dataKey = unwrap(rows.get(0));
        byte[] plain = decrypt(dataKey, rows.get(0).getBuffer("sealed").getBytes(), caseNumber);
        try {
            return EventJson.mapper().readValue(new String(plain, StandardCharsets.UTF_8), Contact.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Crypto-shredding: the evaluator's data key goes, so every sealed contact of theirs is unreadable for good. */
    public boolean forget(SqlConnection tx, String pseudonym) {
        return update(tx, "DELETE FROM evaluator_key WHERE evaluator_pseudonym = $1", Tuple.of(pseudonym)) == 1;
    }

    private static final String KEY_OF = "SELECT wrapped_key FROM evaluator_key WHERE evaluator_pseudonym = $1";

    /** The evaluator's data key: the stored one, or a new one stored now. */
    private Uni<SecretKey> dataKey(SqlConnection tx, String pseudonym, Instant now) {
        byte[] wrapped;
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            wrapped = encrypt(master, generator.generateKey().getEncoded(), "key");
        } catch (GeneralSecurityException e) {
            return Uni.createFrom().failure(new IllegalStateException(e));
        }
        return tx.preparedQuery("WITH created AS (INSERT INTO evaluator_key (evaluator_pseudonym, wrapped_key, "
                        + "created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING wrapped_key) "
                        + "SELECT wrapped_key FROM created UNION ALL " + KEY_OF)
                .execute(Tuple.of(pseudonym, Buffer.buffer(wrapped), now.atOffset(ZoneOffset.UTC)))
                .chain(rows -> rows.size() > 0 ? Uni.createFrom().item(rows.iterator().next())
                        // A concurrent first report of the same evaluator committed after this statement began:
                        // a new statement sees its key.
                        : tx.preparedQuery(KEY_OF).execute(Tuple.of(pseudonym)).map(r -> r.iterator().next()))
                .map(this::unwrap);
    }

    /** The evaluator's data key from a row holding it wrapped by the master key. */
    private SecretKey unwrap(Row row) {
        return new SecretKeySpec(decrypt(master, row.getBuffer("wrapped_key").getBytes(), "key"), "AES");
    }

    /** nonce ‖ ciphertext; the associated data binds a sealed contact to its case. */
    private static byte[] encrypt(SecretKey key, byte[] plain, String associated) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] sealed, String associated) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open sealed data", e);
        }
    }
}
