package org.hcp.kit.rest;

import jakarta.inject.Singleton;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Scope checks (R6.1; docs/architecture.md, "Access"), the one place for them. {@code @RolesAllowed} says which
 * roles may call an endpoint; this says on what they may act: a {@code handler} on its own institution, a
 * {@code bureau} within its region prefix (GB/T 2260), each named by the token's {@code hcp_scope} claim. A handler
 * or bureau token without that claim gets 403 on every endpoint that calls this. Roles without a scope
 * ({@code channel}, {@code auditor}, {@code sync}, {@code admin}) pass. A singleton: the token it reads is the
 * request's (Quarkus injects a request-scoped proxy).
 */
@Singleton
public class Access {

    public static final String SCOPE_CLAIM = "hcp_scope";

    /** Roles that act everywhere; a token that holds one of them is not narrowed by a scope. */
    private static final Set<String> UNSCOPED = Set.of("admin", "auditor", "sync");

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
            case BUREAU -> {
                String own = scope();
                if (regionPrefix != null && !regionPrefix.startsWith(own)) {
                    throw forbidden("region " + regionPrefix + " is outside this bureau's region " + own);
                }
                yield new Filter(regionPrefix == null ? own : regionPrefix, institution);
            }
            case UNSCOPED -> new Filter(regionPrefix, institution);
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
            case BUREAU -> {
                String own = scope();
                if (regionCode == null || !regionCode.startsWith(own)) {
                    throw forbidden("this belongs to region " + regionCode + ", outside this bureau's region " + own);
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
        Set<String> groups = caller.getGroups();
        if (groups != null && (groups.contains("admin") || groups.contains("auditor"))) {
            return null;
        }
        Object claim = caller.getClaim(SCOPE_CLAIM);
        String scope = claim == null ? null : claim.toString().strip();
        if (scope == null || scope.isEmpty()) {
            throw forbidden("a sync token must carry its province's region prefix in the claim " + SCOPE_CLAIM);
        }
        return scope;
    }

    /** The institution a handler acts for (its scope); null for roles that are not narrowed to one. */
    public String handlerInstitution() {
        return kind() == Kind.HANDLER ? scope() : null;
    }

    /** The first of {@code roles} the caller holds, for records of who did what; "?" when none. */
    public String roleAmong(Set<String> roles) {
        return caller.getGroups().stream().filter(roles::contains).sorted().findFirst().orElse("?");
    }

    private enum Kind { HANDLER, BUREAU, UNSCOPED }

    private Kind kind() {
        Set<String> groups = caller.getGroups();
        if (groups == null || groups.stream().anyMatch(UNSCOPED::contains)) {
            return Kind.UNSCOPED;
        }
        if (groups.contains("handler")) {
            return Kind.HANDLER;
        }
        return groups.contains("bureau") ? Kind.BUREAU : Kind.UNSCOPED;
    }

    private String scope() {
        Object claim = caller.getClaim(SCOPE_CLAIM);
        String scope = claim == null ? null : claim.toString().strip();
        if (scope == null || scope.isEmpty()) {
            String role = kind() == Kind.HANDLER ? "a handler token must carry its institution"
                    : "a bureau token must carry its region prefix";
            throw forbidden(role + " in the claim " + SCOPE_CLAIM);
        }
        return scope;
    }

    public static ProblemException forbidden(String detail) {
        return ProblemException.forbidden(detail);
    }
}
