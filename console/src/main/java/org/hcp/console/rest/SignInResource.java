package org.hcp.console.rest;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;

/**
 * Signing in through the operator's identity provider (docs/security.md, "Signing in to the console"): OpenID
 * Connect's authorization-code flow with PKCE, which quarkus-oidc runs on this one path. Once the provider has sent
 * the person back, the page gets the provider's access token in the address's fragment, which the browser never
 * sends to a server, and calls the API with it as a bearer token like any other caller; each service checks it
 * against the provider's keys (MP_JWT_VERIFY_PUBLICKEY_LOCATION), its roles in {@code groups} and its scope in
 * {@code hcp_scope}.
 */
@Path("/console/sign-in")
@Tag(name = "console", description = "监管台 / The console's reads of the statistics, bulletins, ledger and appeals")
public class SignInResource {

    private final SecurityIdentity identity;
    private final boolean identityProvider;

    public SignInResource(SecurityIdentity identity,
            @ConfigProperty(name = "quarkus.oidc.staff.tenant-enabled") boolean identityProvider) {
        this.identity = identity;
        this.identityProvider = identityProvider;
    }

    @GET
    @Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE})
    // Authenticated before this by the code flow (application.properties), where a provider is configured.
    @PermitAll
    @Operation(summary = "Sign in through the identity provider (the authorization-code flow with PKCE); back to "
            + "the console with the access token")
    public Response signIn() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (!identityProvider || token == null) {
            throw ProblemException.notFound("no identity provider is configured: HCP_OIDC_ENABLED and HCP_OIDC_URL");
        }
        return Response.seeOther(URI.create("/console/#token=" + token.getToken()))
                .header("Cache-Control", "no-store").build();
    }
}
