package org.hcp.kit.rest;

import jakarta.inject.Singleton;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Scope checks (R6.1; docs/architecture.md, "Access"), the one place for them. {@code @RolesAllowed} says which
 * roles may call an endpoint; this says on what they may act: a {@code handler} on its own institution, a
 * {@code bureau} within its region prefix (GB/T 2260), a {@code sync} consumer within its province's prefix, each
 * named by the token's {@code hcp_scope} claim. A handler, bureau or sync token without that claim gets 403 on every
 * endpoint that calls this. One {@code hcp_scope} cannot name an institution and a region at once, so a token that
 * holds two of the scoped roles is refused (403) unless it also holds an unscoped one ({@code admin},
 * {@code auditor}), which then decides. {@code channel} is not narrowed. A singleton: the token it reads is the
 * request's (Quarkus injects a request-scoped proxy). docs/security.md, "Roles and scopes".
 */
@Singleton
public class Access {

    public static final String SCOPE_CLAIM = "hcp_scope";

    /** Roles that act everywhere; a token that holds one of them is not narrowed by a scope. */
    private static final Set<String> UNSCOPED = Set.of("admin", "auditor");
    /** Roles narrowed by {@code hcp_scope}: an institution, or a region prefix. */
    private static final Set<String> SCOPED = Set.of("handler", "bureau", "sync");

    private final JsonWebToken caller;

    public Access(JsonWebToken caller) {
        this.caller = caller;
    }

    /** What a query may see: the filters as asked, narrowed to the caller's scope. */
    public record Filter(String regionPrefix, String institution) {
    }

    /**
     * The caller's view of a list or count filtered by region prefix and institution (nulls for "all"): a bureau
     * gets its region when it asks for none and 403 outside it; a handler likewise for its institution.
     */
    public Filter filter(String regionPrefix, String institution) {
        return switch (kind()) {
            case HANDLER -> {
                String own = scope();
                if (institution != null && !institution.equals(own)) {
                    throw forbidden("institution " + institution + " is not this handler's institution " + own);
                }
                yield new Filter(regionPrefix, own);
            }
            case BUREAU, SYNC -> {
                String own = scope();
                if (regionPrefix != null && !regionPrefix.startsWith(own)) {
                    throw forbidden("region " + regionPrefix + " is outside this token's region " + own);
                }
                yield new Filter(regionPrefix == null ? own : regionPrefix, institution);
            }
            case UNSCOPED -> new Filter(regionPrefix, institution);
        };
    }

    /**
     * Whether the caller may see a thing of this institution in this region. Where it may not, answer exactly as for
     * an unknown thing (404), so nobody learns what another unit has (the rectifications answer the same way).
     */
    public boolean visible(String institution, String regionCode) {
        return switch (kind()) {
            case HANDLER -> scope().equals(institution);
            case BUREAU, SYNC -> regionCode != null && regionCode.startsWith(scope());
            case UNSCOPED -> true;
        };
    }

    /** 403 unless the caller may act on a thing of this institution in this region (a case, a rating). */
    public void requireWithin(String institution, String regionCode) {
        switch (kind()) {
            case HANDLER -> {
                String own = scope();
                if (!own.equals(institution)) {
                    throw forbidden("this belongs to institution " + institution + ", not to this handler's " + own);
                }
            }
            case BUREAU, SYNC -> {
                String own = scope();
                if (regionCode == null || !regionCode.startsWith(own)) {
                    throw forbidden("this belongs to region " + regionCode + ", outside this token's region " + own);
                }
            }
            case UNSCOPED -> {
            }
        }
    }

    /**
     * R5.2: the province prefix a {@code sync} caller reports to, from its {@code hcp_scope}, 403 without one; null for
     * an {@code admin} or {@code auditor}, who may read every province's feed.
     */
    public String syncProvince() {
        return kind() == Kind.SYNC ? scope() : null;
    }

    /** The institution a handler acts for (its scope); null for roles that are not narrowed to one. */
    public String handlerInstitution() {
        return kind() == Kind.HANDLER ? scope() : null;
    }

    /** The first of {@code roles} the caller holds, for records of who did what; "?" when none. */
    public String roleAmong(Set<String> roles) {
        return caller.getGroups().stream().filter(roles::contains).sorted().findFirst().orElse("?");
    }

    private enum Kind { HANDLER, BUREAU, SYNC, UNSCOPED }

    private Kind kind() {
        Set<String> groups = caller.getGroups();
        if (groups == null || groups.stream().anyMatch(UNSCOPED::contains)) {
            return Kind.UNSCOPED;
        }
        if (groups.stream().filter(SCOPED::contains).count() > 1) {
            throw forbidden("a token may hold only one of the roles handler, bureau and sync: its " + SCOPE_CLAIM
                    + " names one institution or one region");
        }
        if (groups.contains("handler")) {
            return Kind.HANDLER;
        }
        if (groups.contains("bureau")) {
            return Kind.BUREAU;
        }
        return groups.contains("sync") ? Kind.SYNC : Kind.UNSCOPED;
    }

    private String scope() {
        Object claim = caller.getClaim(SCOPE_CLAIM);
        String scope = claim == null ? null : claim.toString().strip();
        if (scope == null || scope.isEmpty()) {
            Kind kind = kind();
            String role = kind == Kind.HANDLER ? "a handler token must carry its institution"
                    : kind == Kind.SYNC ? "a sync token must carry its province's region prefix"
                    : "a bureau token must carry its region prefix";
            throw forbidden(role + " in the claim " + SCOPE_CLAIM);
        }
        return scope;
    }

    public static ProblemException forbidden(String detail) {
        return ProblemException.forbidden(detail);
    }
}
