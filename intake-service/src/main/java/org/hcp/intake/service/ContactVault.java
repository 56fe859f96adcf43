package org.hcp.intake.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.EventJson;
import org.hcp.intake.repository.ContactRepository;

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

    private final ContactRepository contacts;

    public ContactVault(ContactRepository contacts,
            @ConfigProperty(name = "hcp.evaluator.contact-master-key") String masterKeyBase64) {
        this.contacts = contacts;
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
        return dataKey(tx, pseudonym, now).chain(dataKey -> contacts.insertSealed(tx, caseNumber, pseudonym,
                encrypt(dataKey, plain, caseNumber)));
    }

    /** The contact of a case; null when there is none or its evaluator was forgotten. */
    public Contact open(SqlConnection tx, String caseNumber) {
        ContactRepository.Sealed stored = contacts.sealedOf(tx, caseNumber).orElse(null);
        if (stored == null || stored.wrappedKey() == null) {
            return null;
        }
        SecretKey dataKey = unwrap(stored.wrappedKey());
        byte[] plain = decrypt(dataKey, stored.sealed(), caseNumber);
        try {
            return EventJson.mapper().readValue(new String(plain, StandardCharsets.UTF_8), Contact.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Crypto-shredding: the evaluator's data key goes, so every sealed contact of theirs is unreadable for good. */
    public boolean forget(SqlConnection tx, String pseudonym) {
        return contacts.deleteKey(tx, pseudonym);
    }

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
        return contacts.keepKey(tx, pseudonym, wrapped, now).map(this::unwrap);
    }

    /** The evaluator's data key, wrapped by the master key. */
    private SecretKey unwrap(byte[] wrapped) {
        return new SecretKeySpec(decrypt(master, wrapped, "key"), "AES");
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
