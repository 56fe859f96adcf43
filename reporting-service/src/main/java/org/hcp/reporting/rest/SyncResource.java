package org.hcp.reporting.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.kit.rest.Access;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;
import org.hcp.kit.rest.QueryChecks;
import org.hcp.kit.text.Violation;
import org.hcp.reporting.service.SyncFeed;

/** R5.2: the province's pull of every rating of its region, in the interface's format (docs/sync.md). */
@Path("/api/v1/sync")
@Tag(name = "sync", description = "省级平台同步 / The province's feed of ratings, cases and later status changes")
@RolesAllowed({"sync", "auditor", "admin"})
@Blocking
public class SyncResource {

    static final int MAX_LIMIT = 5000;

    private final SyncFeed feed;
    private final Access access;

    public SyncResource(SyncFeed feed, Access access) {
        this.feed = feed;
        this.access = access;
    }

    @GET
    @Path("/ratings")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "The next page of the feed after a cursor: each rating with its case before it, and later "
            + "not-adopted / reinstated decisions as their own records. A sync token reads its province (hcp_scope); "
            + "auditors and admins every province, or ?region=")
    public SyncFeed.Page ratings(@QueryParam("after") String after, @QueryParam("limit") Integer limit,
            @QueryParam("region") String region) {
        int size = limit == null ? 500 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalid(Violation.of("?limit", "sync.limit", MAX_LIMIT));
        }
        QueryChecks.regionPrefix(region);
        String province = access.syncProvince();
        if (province != null && region != null && !region.startsWith(province)) {
            throw Access.forbidden("region " + region + " is outside this sync token's province " + province);
        }
        try {
            return feed.page(after, size, region != null ? region : province);
        } catch (SyncFeed.BadCursor e) {
            throw ProblemException.invalid(Violation.of("?after", "sync.cursor"));
        }
    }
}
