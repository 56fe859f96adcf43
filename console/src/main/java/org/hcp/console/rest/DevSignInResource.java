package org.hcp.console.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.console.service.DevSignIn;
import org.hcp.console.service.Services;
import org.hcp.console.service.Upstreams;
import org.hcp.events.outcome.Violation;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;

/**
 * The development sign-in page's two calls (docs/security.md): who may be chosen (a handler of each institution and
 * a bureau of each region in the directory, an auditor, an admin) and a token for the one chosen. Not found unless
 * the console was started with the development key ({@code ./hcp up}); a prod start with it is refused.
 */
@Path("/api/v1/console/dev-sign-in")
@Tag(name = "console", description = "监管台 / The console's reads of the statistics, bulletins, ledger and appeals")
@PermitAll
@Blocking
public class DevSignInResource {

    private static final int LISTED = 500;

    private final DevSignIn signIn;
    private final Upstreams upstreams;
    private final URI intake;

    public DevSignInResource(DevSignIn signIn, Upstreams upstreams, Services services) {
        this.signIn = signIn;
        this.upstreams = upstreams;
        this.intake = services.intake();
    }

    /** One person to sign in as: a role, its scope (institution or region code), and the scope's name. */
    public record Person(String role, String scope, String name, String regionCode) {
    }

    public record Choice(String role, String scope) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Development only: the people the sign-in page offers")
    public List<Person> people() {
        requireEnabled();
        String token = signIn.ownAdminToken();
        List<Person> people = new ArrayList<>();
        for (JsonNode e : upstreams.read(intake, "/api/v1/directory/entries?kind=INSTITUTION&size=" + LISTED, token)
                .path("items")) {
            people.add(new Person("handler", e.path("code").asText(), e.path("name").asText(),
                    e.path("regionCode").asText()));
        }
        for (JsonNode e : upstreams.read(intake, "/api/v1/directory/entries?kind=REGION&size=" + LISTED, token)
                .path("items")) {
            String code = e.path("code").asText();
            people.add(new Person("bureau", regionPrefix(code), e.path("name").asText(), code));
        }
        people.add(new Person("auditor", null, null, null));
        people.add(new Person("admin", null, null, null));
        return people;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Development only: sign in as one of those people (a token valid for 12 hours)")
    public DevSignIn.SignedIn choose(Choice body) {
        requireEnabled();
        Choice choice = ProblemException.requireBody(body);
        if (choice.role() == null || !DevSignIn.ROLES.contains(choice.role())) {
            throw ProblemException.invalid(Violation.of("/role", "field.unknownValue", String.valueOf(choice.role()),
                    String.join(", ", DevSignIn.ROLES)));
        }
        boolean scoped = choice.role().equals("handler") || choice.role().equals("bureau");
        String scope = choice.scope() == null || choice.scope().isBlank() ? null : choice.scope().trim();
        if (scoped && (scope == null || !scope.matches("[A-Za-z0-9_-]{1,64}"))) {
            throw ProblemException.invalid(Violation.of("/scope", "field.required"));
        }
        return signIn.signIn(choice.role(), scoped ? scope : null);
    }

    /**
     * A bureau supervises a region prefix (docs/security.md): Jilin City, 220200, is 2202; a county's six digits
     * and a township's nine stay whole.
     */
    static String regionPrefix(String code) {
        String prefix = code;
        while (prefix.length() > 2 && prefix.length() <= 6 && prefix.endsWith("00")) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        return prefix;
    }

    private void requireEnabled() {
        if (!signIn.enabled()) {
            throw ProblemException.notFound("the development sign-in is off: sign in through the identity provider");
        }
    }
}
