package org.hcp.console.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The development sign-in (docs/security.md, "Signing in to the console"): on a developer's machine
 * ({@code ./hcp up}, profile local) the console signs tokens for the demo's people with the committed development
 * key, so that nobody pastes a token. It is on only when a key file is configured, and a {@code prod} start with one
 * configured is refused: production signs in through the operator's identity provider.
 */
@Singleton
public class DevSignIn {

    /** The roles a person at the console may take; channel and sync are machines. */
    public static final List<String> ROLES = List.of("handler", "bureau", "auditor", "admin");
    /** As long as the identity provider's default session: the console warns before it ends. */
    public static final Duration VALID_FOR = Duration.ofHours(12);
    private static final String ISSUER = "hcp-dev";

    private final Optional<Path> keyFile;
    private final Clock clock;
    private volatile PrivateKey key;

    public DevSignIn(@ConfigProperty(name = "hcp.console.dev-sign-in.key-file") Optional<Path> keyFile, Clock clock) {
        this.keyFile = keyFile;
        this.clock = clock;
    }

    public record SignedIn(String token, Instant expiresAt) {
    }

    void onStart(@Observes StartupEvent event) {
        refuseInProduction(ConfigUtils.getProfiles(), keyFile.isPresent());
    }

    /** Throws when the prod profile would offer the development sign-in. */
    public static void refuseInProduction(List<String> profiles, boolean configured) {
        if (configured && profiles.contains("prod")) {
            throw new IllegalStateException("refusing to start with the prod profile: hcp.console.dev-sign-in.key-file"
                    + " (HCP_CONSOLE_DEV_SIGN_IN_KEY_FILE) offers the development sign-in; remove it and sign in "
                    + "through your identity provider (docs/security.md, \"Signing in to the console\")");
        }
    }

    public boolean enabled() {
        return keyFile.isPresent();
    }

    /** A token for one demo person: a handler of an institution, a bureau of a region, an auditor, an admin. */
    public SignedIn signIn(String role, String scope) {
        return mint("dev-" + role + (scope == null ? "" : "-" + scope), role, scope, VALID_FOR);
    }

    /** A short-lived admin token of the console's own, to read the directory's people for the sign-in list. */
    public String ownAdminToken() {
        return mint("dev-console", "admin", null, Duration.ofSeconds(60)).token();
    }

    private SignedIn mint(String who, String role, String scope, Duration ttl) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        var claims = Jwt.issuer(ISSUER).subject(who).upn(who).groups(Set.of(role)).issuedAt(now).expiresAt(expires);
        if (scope != null) {
            claims.claim("hcp_scope", scope);
        }
        return new SignedIn(claims.jws().keyId("hcp-dev").sign(key()), expires);
    }

    private PrivateKey key() {
        if (key == null) {
            Path file = keyFile.orElseThrow(() -> new IllegalStateException("development sign-in is off"));
            try {
                key = KeyUtils.decodePrivateKey(Files.readString(file, StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the development key " + file, e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("not a private key: " + file, e);
            }
        }
        return key;
    }
}
