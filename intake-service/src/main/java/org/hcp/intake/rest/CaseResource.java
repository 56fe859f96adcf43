package org.hcp.intake.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.events.CaseVisit;
import org.hcp.events.outcome.Violation;
import org.hcp.intake.domain.ContactPurpose;
import org.hcp.intake.domain.ReportCase;
import org.hcp.intake.domain.ServiceCase;
import org.hcp.intake.repository.CaseRepository;
import org.hcp.intake.service.CaseService;
import org.hcp.intake.service.ContactVault;
import org.hcp.kit.rest.Access;
import org.hcp.kit.rest.Answers;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;

@Path("/api/v1/cases")
@Tag(name = "cases", description = "办件 / Completed cases reported by business systems")
public class CaseResource {

    private final CaseService service;
    private final JsonWebToken caller;
    private final Access access;

    public CaseResource(CaseService service, JsonWebToken caller, Access access) {
        this.service = service;
        this.caller = caller;
        this.access = access;
    }

    public record ReportedCase(String caseNumber, UUID eventId, String status) {
    }

    /** A case as intake holds it: deadlines and rating state, no evaluator data. */
    public record CaseView(String caseNumber, String caseKind, String itemCode, String institutionCode,
            String windowCode, String staffId, String platformCode, String regionCode, Instant completedAt,
            String batchId, String chainId, List<CaseVisit> visits, boolean realName, Set<String> ratedSlots,
            Instant supplementaryUntil, Instant reminderDueAt, Instant reminderIssuedAt, Instant defaultRatingDueAt,
            Integer defaultLevel, boolean deadlinesProvisional) {
    }

    /** Only the fields the stated purpose needs; the others are left out (R6.1). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContactView(String caseNumber, String purpose, String name, String mobile, String idNumber) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"channel", "admin"})
    @Operation(summary = "Report a completed case",
            description = "Business systems report each completed case (R5.5: before its rating). Item, institution, "
                    + "window, staff and platform must be in the directory (R1.11). The evaluator's identity becomes "
                    + "a pseudonym and their contact details are stored encrypted (R1.10). Deadlines (R1.7, R1.9) "
                    + "come from the jurisdiction policy and the working calendar. Published as CaseCompleted on "
                    + "hcp.cases. Reporting the same case again with the same body is harmless.")
    @APIResponse(responseCode = "202", description = "Recorded (or already recorded with this body)")
    @APIResponse(responseCode = "409", description = "The case number was reported with a different body")
    @APIResponse(responseCode = "422", description = "A rule is broken; errors name each field (problem+json)")
    public Uni<Response> report(ReportCase body) {
        ProblemException.requireBody(body);
        return service.report(body).map(Answers::valueOf).map(reported -> Response.accepted(new ReportedCase(
                        reported.caseNumber(), reported.eventId(), "recorded"))
                .location(URI.create("/api/v1/cases/" + reported.caseNumber()))
                .type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("/{caseNumber}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"channel", "handler", "bureau", "auditor", "admin"})
    @Operation(summary = "A case, its deadlines and which ratings it has (no evaluator data)")
    public CaseView get(@PathParam("caseNumber") String caseNumber) {
        CaseRepository.StoredCase stored = findWithinScope(caseNumber);
        ServiceCase c = stored.serviceCase();
        return new CaseView(c.caseNumber(), c.kind().name(), c.itemCode(), c.institutionCode(), c.windowCode(),
                c.staffId(), c.platformCode(), c.regionCode(), c.completedAt(), c.batchId(), c.chainId(), c.visits(),
                c.evaluatorPseudonym() != null, c.takenSlots(), c.supplementaryUntil(), stored.reminderDueAt(),
                stored.reminderIssuedAt(), stored.defaultRatingDueAt(), stored.defaultLevel(), stored.provisional());
    }

    @GET
    @Path("/{caseNumber}/evaluator-contact")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "bureau", "admin"})
    @Operation(summary = "The evaluator's contact details, for a stated purpose (R2.2, R2.5, R3.4)",
            description = "Personal data (R6.1): only handlers (their own institution's cases), bureaus (cases in "
                    + "their region) and admins may read it. The purpose is required and decides the fields: "
                    + "CALLBACK name and mobile, RESURVEY mobile, CREDIT_RECORD name and ID number. Each reading is "
                    + "recorded with the reader, role and purpose.")
    public ContactView contact(@PathParam("caseNumber") String caseNumber,
            @Parameter(description = "CALLBACK, RESURVEY or CREDIT_RECORD") @QueryParam("purpose") String purpose) {
        ContactPurpose stated = ContactPurpose.parse(purpose);
        if (stated == null) {
            throw ProblemException.invalid(Violation.of("?purpose", "contact.purpose",
                    Arrays.toString(ContactPurpose.values())));
        }
        ContactVault.Contact contact = Answers.valueOf(service.readContact(caseNumber, caller.getName(),
                access.roleAmong(Set.of("handler", "bureau", "admin")), stated,
                c -> access.visible(c.institutionCode(), c.regionCode())));
        return new ContactView(caseNumber, stated.name(),
                stated.reveals(ContactPurpose.Field.NAME) ? contact.name() : null,
                stated.reveals(ContactPurpose.Field.MOBILE) ? contact.mobile() : null,
                stated.reveals(ContactPurpose.Field.ID_NUMBER) ? contact.idNumber() : null);
    }

    /** The case, or 404 when there is none or it is outside the caller's institution or region (R6.1). */
    private CaseRepository.StoredCase findWithinScope(String caseNumber) {
        CaseRepository.StoredCase stored = service.find(caseNumber);
        if (stored == null || !access.visible(stored.serviceCase().institutionCode(),
                stored.serviceCase().regionCode())) {
            throw ProblemException.notFound("no case " + caseNumber + " within the caller's scope");
        }
        return stored;
    }
}
