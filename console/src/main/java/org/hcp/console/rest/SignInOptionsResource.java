package org.hcp.console.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.console.service.DevSignIn;

/** What the sign-in page offers: the identity provider's sign-in (SignInResource), the development one, or both. */
@Path("/api/v1/console/sign-in-options")
@Tag(name = "console", description = "监管台 / The console's reads of the statistics, bulletins, ledger and appeals")
@PermitAll
public class SignInOptionsResource {

    private final DevSignIn development;
    private final boolean identityProvider;

    public SignInOptionsResource(DevSignIn development,
            @ConfigProperty(name = "quarkus.oidc.staff.tenant-enabled") boolean identityProvider) {
        this.development = development;
        this.identityProvider = identityProvider;
    }

    public record Options(boolean identityProvider, boolean development) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Whether the sign-in page offers the identity provider, the development sign-in, or both")
    public Options options() {
        return new Options(identityProvider, development.enabled());
    }
}
