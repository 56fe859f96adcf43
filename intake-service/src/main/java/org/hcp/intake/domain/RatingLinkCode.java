package org.hcp.intake.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The short code in a rating link ({@code /r/} + 22 characters): 128 bits of HMAC-SHA256 over the link's id, so it
 * cannot be guessed, carries nothing readable, and can be derived again from the id when a message needs the link.
 * The database keeps only its SHA-256, so a copy of the table alone opens no link.
 */
public final class RatingLinkCode {

    /** 16 bytes in base64url without padding. */
    public static final int LENGTH = 22;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{" + LENGTH + "}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private RatingLinkCode() {
    }

    public static String of(String linkId, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] tag = mac.doFinal(("hcp-rating-link-code\n" + linkId).getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(Arrays.copyOf(tag, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Whether this could be a code at all: checked before any database read. */
    public static boolean isWellFormed(String code) {
        return code != null && code.length() == LENGTH && FORM.matcher(code).matches();
    }

    /** What the table keeps and looks up by. */
    public static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
