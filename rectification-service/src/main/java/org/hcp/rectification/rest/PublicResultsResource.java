package org.hcp.rectification.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.QueryChecks;
import org.hcp.rectification.repository.LedgerQueries;
import org.hcp.rectification.repository.LedgerQueries.PublicResult;

/** R2.7: rectification results for publication, open to everyone; never the evaluator, never the rating's text. */
@Path("/api/v1/public/rectification-results")
@Tag(name = "public", description = "公开 / Published results")
public class PublicResultsResource {

    private final LedgerQueries ledger;

    public PublicResultsResource(LedgerQueries ledger) {
        this.ledger = ledger;
    }

    public record Page(List<PublicResult> items, int page, int size, boolean more) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @PermitAll
    @Operation(summary = "Closed rectifications, newest first: unit, item, tags, outcome, what was done, dates",
            description = "region: a GB/T 2260 prefix; institution: one unit's code; month: YYYY-MM, the month they "
                    + "closed in (Beijing time). Names are the directory's (null until it has them).")
    public Uni<Page> results(@QueryParam("region") String region, @QueryParam("institution") String institution,
            @QueryParam("month") String month, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        QueryChecks.regionPrefix(region);
        QueryChecks.page(page, size, 500);
        return ledger.publicResults(region, PublicResultsPage.institution(institution), PublicResultsPage.month(month),
                        page * size, size)
                .map(slice -> new Page(slice.items(), page, size, slice.more()));
    }
}
