package org.hcp.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keyed hashes (HMAC-SHA256) that stand in for personal data (R1.10, R6.1; docs/architecture.md): the same evaluator
 * always gets the same pseudonym, and without the key nobody can go back, not even by trying every ID number.
 */
@ApplicationScoped
public class EvaluatorPseudonyms {

    private final SecretKeySpec key;

    public EvaluatorPseudonyms(@ConfigProperty(name = "hcp.evaluator.pseudonym-key") String key) {
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The evaluator's pseudonym; versioned ("ev1_") so that a key rotation can be told apart. */
    public String pseudonym(String evaluatorType, String evaluatorId) {
        return "ev1_" + hmac("evaluator\n" + evaluatorType + "\n" + evaluatorId).substring(0, 32);
    }

    /** A keyed fingerprint of a request body, so a retry can be told from a different body under the same id. */
    public String fingerprint(Object command) {
        try {
            return hmac("request\n" + org.hcp.events.EventJson.mapper().writeValueAsString(command));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hmac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
