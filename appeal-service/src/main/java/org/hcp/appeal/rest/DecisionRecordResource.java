package org.hcp.appeal.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.appeal.domain.DecisionEffects.CreditRecord;
import org.hcp.appeal.domain.DecisionEffects.Notice;
import org.hcp.appeal.repository.DecisionRecordRepository;
import org.hcp.events.outcome.Violation;
import org.hcp.kit.rest.Access;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;
import org.hcp.kit.rest.QueryChecks;

/** R3.4: what decisions leave for others to read: notices to the units concerned, and TA's credit records. */
@Path("/api/v1")
@Tag(name = "appeals", description = "差评申诉复核 / Appeals against bad reviews (R3)")
public class DecisionRecordResource {

    private final DecisionRecordRepository records;
    private final Access access;

    public DecisionRecordResource(DecisionRecordRepository records, Access access) {
        this.records = records;
        this.access = access;
    }

    /** A page of the feed; ask again with {@code after=next} for what came since (null: nothing more yet). */
    public record NoticeFeed(List<Notice> items, String next) {
    }

    public record CreditPage(List<CreditRecord> items, int page, int size) {
    }

    @GET
    @Path("/appeal-notices")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "bureau", "auditor", "admin"})
    @Operation(summary = "R3.4: notices of decisions (UPHELD, REJECTED, REINSTATED), oldest first, after a cursor",
            description = "A handler reads those addressed to its institution (as the appellant or as the department "
                    + "that registered the rating), a bureau those of its region.")
    public Uni<NoticeFeed> notices(@QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 500) {
            throw ProblemException.invalid(Violation.of("?limit", "page.limit", 500));
        }
        Access.Filter visible = access.filter(null, null);
        return records.notices(visible.institution(), visible.regionPrefix(), after, limit)
                .map(items -> new NoticeFeed(items, items.isEmpty() ? after : items.get(items.size() - 1).id()));
    }

    @GET
    @Path("/credit-records")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"bureau", "auditor", "admin"})
    @Operation(summary = "R3.4 (TA): malicious evaluators' credit records: the pseudonym and the decision, no identity",
            description = "Only where the policy keeps them (maliciousEvaluatorCreditRecord); a reinstated rating's "
                    + "record is kept with withdrawnAt set.")
    public Uni<CreditPage> creditRecords(@QueryParam("region") String region,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        QueryChecks.regionPrefix(region);
        QueryChecks.page(page, size, 500);
        Access.Filter visible = access.filter(region, null);
        return records.creditRecords(visible.regionPrefix(), page * size, size)
                .map(items -> new CreditPage(items, page, size));
    }
}
