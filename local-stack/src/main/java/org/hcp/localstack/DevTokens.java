package org.hcp.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

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
     * @param ttl   how long it is valid; negative for a token that has already expired (access tests)
     */
    public static String mint(String role, String scope, Duration ttl) {
        return mint(ISSUER, role, scope, ttl);
    }

    /** A token signed with the development key but naming another issuer: the services must refuse it. */
    public static String mint(String issuer, String role, String scope, Duration ttl) {
        Instant now = Instant.now();
        return mint(issuer, Set.of(role), scope, ttl.isNegative() ? now.plus(ttl).minusSeconds(60) : now,
                now.plus(ttl));
    }

    /** Any token the access tests need: several roles, or issued at another time than now. */
    public static String mint(String issuer, Set<String> roles, String scope, Instant issuedAt, Instant expiresAt) {
        String who = "dev-" + String.join("-", new java.util.TreeSet<>(roles));
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .subject(who)
                .upn(who)
                .groups(roles)
                .issuedAt(issuedAt)
                .expiresAt(expiresAt);
        if (scope != null) {
            claims.claim("hcp_scope", scope);
        }
        return claims.jws().keyId("hcp-dev").sign(KEY);
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
