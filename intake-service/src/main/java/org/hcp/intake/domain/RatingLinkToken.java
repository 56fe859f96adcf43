package org.hcp.intake.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hcp.events.Channel;
import org.hcp.events.EventJson;

/**
 * The token in a QR code or SMS link (R1.8): which case (and visit) it rates, through which channel, until when,
 * signed with HMAC-SHA256 so that a changed case number or expiry is refused before any database read. Single use
 * is the database's part (a link row used in the rating's transaction).
 *
 * <p>Form: {@code base64url(claims JSON) "." base64url(signature)}; no personal data inside.
 */
public final class RatingLinkToken {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Longer input is not a token of ours; refused before decoding. */
    static final int MAX_LENGTH = 600;

    private RatingLinkToken() {
    }

    /** What a token says; {@code exp} in epoch seconds keeps the JSON short (QR codes stay small). */
    public record Claims(String link, String caseNumber, String visit, Channel ch, long exp) {

        public Instant expiresAt() {
            return Instant.ofEpochSecond(exp);
        }
    }

    public static String sign(Claims claims, byte[] key) {
        try {
            String body = ENCODER.encodeToString(EventJson.mapper().writeValueAsBytes(claims));
            return body + "." + ENCODER.encodeToString(hmac(body, key));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a token this key signed, whatever its expiry; null for anything else. */
    public static Claims verify(String token, byte[] key) {
        if (token == null || token.length() > MAX_LENGTH) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return null;
        }
        String body = token.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, hmac(body, key))) {
                return null;
            }
            Claims claims = EventJson.mapper().readValue(DECODER.decode(body), Claims.class);
            return claims.link() == null || claims.caseNumber() == null || claims.ch() == null ? null : claims;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }

    private static byte[] hmac(String body, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(("hcp-rating-link\n" + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static byte[] keyBytes(String configured) {
        return configured.getBytes(StandardCharsets.UTF_8);
    }
}
