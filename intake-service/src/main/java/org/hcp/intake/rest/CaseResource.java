package org.hcp.intake.rest;

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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Context;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.events.CaseVisit;
import org.hcp.intake.domain.ReportCase;
import org.hcp.intake.domain.ServiceCase;
import org.hcp.intake.repository.CaseRepository;
import org.hcp.intake.service.CaseService;
import org.hcp.intake.service.ContactVault;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;

@Path("/api/v1/cases")
@Tag(name = "cases", description = "办件 / Completed cases reported by business systems")
public class CaseResource {

    private final CaseService service;
    private final JsonWebToken caller;

    public CaseResource(CaseService service, JsonWebToken caller) {
        this.service = service;
        this.caller = caller;
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

    public record ContactView(String caseNumber, String name, String mobile, String idNumber) {
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
    public Response report(ReportCase body) {
        ProblemException.requireBody(body);
        CaseService.Reported reported = service.report(body);
        return Response.accepted(new ReportedCase(reported.caseNumber(), reported.eventId(), "recorded"))
                .location(URI.create("/api/v1/cases/" + reported.caseNumber()))
                .type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{caseNumber}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"channel", "handler", "bureau", "auditor", "admin"})
    @Operation(summary = "A case, its deadlines and which ratings it has (no evaluator data)")
    public CaseView get(@PathParam("caseNumber") String caseNumber) {
        CaseRepository.StoredCase stored = service.find(caseNumber);
        if (stored == null) {
            throw ProblemException.notFound("no case " + caseNumber);
        }
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
    @Operation(summary = "The evaluator's contact details, for a callback (R2.2, R2.5)",
            description = "Personal data (R6.1): only handlers, bureaus and admins may read it, each reading is "
                    + "recorded with the reader and the purpose, and the purpose is required.")
    public ContactView contact(@PathParam("caseNumber") String caseNumber, @QueryParam("purpose") String purpose,
            @Context SecurityContext security) {
        if (purpose == null || purpose.isBlank() || purpose.length() > 200) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("/purpose", "查询目的必填 / say why you "
                    + "read it (?purpose=callback for R2.2), at most 200 characters")));
        }
        String role = caller.getGroups().stream().filter(g -> Set.of("handler", "bureau", "admin").contains(g))
                .findFirst().orElse("?");
        ContactVault.Contact contact = service.readContact(caseNumber, caller.getName(), role, purpose.strip());
        if (contact == null) {
            throw ProblemException.notFound("case " + caseNumber + " holds no evaluator contact (anonymous, or the "
                    + "evaluator was forgotten)");
        }
        return new ContactView(caseNumber, contact.name(), contact.mobile(), contact.idNumber());
    }
}
