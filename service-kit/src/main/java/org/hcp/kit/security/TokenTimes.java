package org.hcp.kit.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What the JWT library leaves to us (docs/security.md, "Tokens"): a token issued in the future, not valid yet, or
 * valid for longer than a sign-in lasts is refused (401) like an expired one. A clock may be {@code clock-skew} off.
 * Without this a token minted for next year was accepted on every operation.
 */
@ApplicationScoped
public class TokenTimes implements SecurityIdentityAugmentor {

    private final Duration skew;
    private final Duration maxLifetime;
    private final Clock clock;

    public TokenTimes(@ConfigProperty(name = "hcp.jwt.clock-skew", defaultValue = "PT60S") Duration skew,
            @ConfigProperty(name = "hcp.jwt.max-lifetime", defaultValue = "PT24H") Duration maxLifetime) {
        this.skew = skew;
        this.maxLifetime = maxLifetime;
        // The wall clock, not the services' movable one: tokens are checked against real time by the JWT library too.
        this.clock = Clock.systemUTC();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token) {
            String problem = problem(token.getIssuedAtTime(), token.getExpirationTime(), token.getClaim("nbf"),
                    clock.instant(), skew, maxLifetime);
            if (problem != null) {
                return Uni.createFrom().failure(new AuthenticationFailedException(problem));
            }
        }
        return Uni.createFrom().item(identity);
    }

    /** Null when the token's times are acceptable at {@code now}; otherwise why not. Seconds since the epoch. */
    static String problem(long issuedAt, long expiresAt, Object notBefore, Instant now, Duration skew,
            Duration maxLifetime) {
        long latest = now.plus(skew).getEpochSecond();
        if (issuedAt <= 0) {
            return "the token has no iat";
        }
        if (issuedAt > latest) {
            return "the token is issued in the future";
        }
        long nbf = notBefore instanceof Number n ? n.longValue()
                : notBefore instanceof jakarta.json.JsonNumber j ? j.longValue() : Long.MIN_VALUE;
        if (nbf > latest) {
            return "the token is not valid yet";
        }
        if (expiresAt - issuedAt > maxLifetime.toSeconds()) {
            return "the token is valid for longer than " + maxLifetime;
        }
        return null;
    }
}
