package org.hcp.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hcp.events.EventJson;

/**
 * Mints DEVELOPMENT bearer tokens signed with the committed dev key (dev-keys/README.md), so that the README's
 * commands and the tests need no identity provider. Production services trust their identity provider's key
 * instead, and refuse these.
 *
 * <p>Usage: {@code DevTokens ROLE [SCOPE]} prints a token valid for 12 hours.
 */
public final class DevTokens {

    public static final String ISSUER = "hcp-dev";
    public static final Set<String> ROLES = Set.of("channel", "handler", "bureau", "auditor", "sync", "admin");

    private static final PrivateKey KEY = loadKey();

    private DevTokens() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2 || !ROLES.contains(args[0])) {
            System.err.println("usage: hcp token ROLE [SCOPE]   ROLE: one of " + ROLES
                    + "; SCOPE: institution code (handler) or region code prefix (bureau)");
            System.exit(2);
        }
        System.out.println(mint(args[0], args.length == 2 ? args[1] : null, Duration.ofHours(12)));
    }

    public static String mint(String role) {
        return mint(role, null, Duration.ofHours(1));
    }

    /**
     * @param scope the institution a handler acts for, or the region prefix a bureau supervises; null for none
     */
    public static String mint(String role, String scope, Duration ttl) {
        Instant now = Instant.now();
        var claims = EventJson.mapper().createObjectNode()
                .put("iss", ISSUER)
                .put("sub", "dev-" + role)
                .put("upn", "dev-" + role)
                .put("jti", UUID.randomUUID().toString())
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(ttl).getEpochSecond());
        claims.putArray("groups").addAll(List.of(EventJson.mapper().getNodeFactory().textNode(role)));
        if (scope != null) {
            claims.put("hcp_scope", scope);
        }
        String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"hcp-dev\"}");
        String body = base64Url(claims.toString());
        String signingInput = header + "." + body;
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(KEY);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a dev token", e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey loadKey() {
        try (InputStream in = DevTokens.class.getResourceAsStream("/dev-keys/jwt-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("bad dev key", e);
        }
    }
}
