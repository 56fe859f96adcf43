package org.hcp.sync.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.events.ChinaTime;
import org.hcp.events.outcome.Violation;
import org.hcp.events.text.Csv;
import org.hcp.kit.rest.Access;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;
import org.hcp.kit.rest.QueryChecks;
import org.hcp.sync.repository.SyncPushRepository;
import org.hcp.sync.service.ProvincePush;
import org.hcp.sync.service.SyncFeed;

/** R5.2: the province's pull of every rating of its region, in the interface's format (docs/sync.md). */
@Path("/api/v1/sync")
@Tag(name = "sync", description = "省级平台同步 / The province's feed of ratings, cases and later status changes")
@RolesAllowed({"sync", "auditor", "admin"})
@Blocking
public class SyncResource {

    static final int MAX_LIMIT = 5000;

    private final SyncFeed feed;
    private final Access access;
    private final SyncPushRepository batches;
    private final ProvincePush push;
    private final Clock clock;

    public SyncResource(SyncFeed feed, Access access, SyncPushRepository batches, ProvincePush push, Clock clock) {
        this.feed = feed;
        this.access = access;
        this.batches = batches;
        this.push = push;
        this.clock = clock;
    }

    /** A batch as listed: its state, not its records. */
    public record BatchView(String batchId, String province, long seq, int records, String status, int attempts,
            String lastError, Instant nextAttemptAt, Instant createdAt, Instant acknowledgedAt,
            Integer acknowledgedRecords) {
    }

    @GET
    @Path("/push/batches")
    @RolesAllowed({"auditor", "admin"})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "The push's batches, newest first per province: PENDING (being sent or retried), PARKED "
            + "(failed max-attempts times; retried every parked-retry, or now with POST …/retry), ACKNOWLEDGED")
    public List<BatchView> pushBatches(@QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        QueryChecks.page(page, size, 500);
        if (status != null && !List.of("PENDING", "PARKED", "ACKNOWLEDGED").contains(status)) {
            throw ProblemException.invalid(Violation.of("?status", "sync.status"));
        }
        return batches.list(status, page, size).stream().map(b -> new BatchView(b.batchId(), b.province(), b.seq(),
                b.records(), b.status(), b.attempts(), b.lastError(), b.nextAttemptAt(), b.createdAt(),
                b.acknowledgedAt(), b.acknowledgedRecords())).toList();
    }

    @POST
    @Path("/push/batches/{batchId}/retry")
    @RolesAllowed("admin")
    @Produces(Problem.MEDIA_TYPE)
    @Operation(summary = "Send a parked batch again now, its attempts counted afresh")
    public Response retry(@PathParam("batchId") String batchId) {
        if (!batches.retry(batchId, clock.instant())) {
            throw ProblemException.notFound("no parked batch " + batchId);
        }
        push.wake();
        return Response.noContent().build();
    }

    @GET
    @Path("/push/reconciliation")
    @RolesAllowed({"auditor", "admin"})
    @Produces({MediaType.APPLICATION_JSON, "text/csv", Problem.MEDIA_TYPE})
    @Operation(summary = "Per day (China time), province and county: ratings sent, ratings the province "
            + "acknowledged, the difference, ratings still in an open or parked batch; JSON, or CSV with Accept: text/csv")
    public Response reconciliation(@QueryParam("from") String from, @QueryParam("to") String to,
            @Context HttpHeaders headers) {
        LocalDate first = QueryChecks.requiredDate("?from", from);
        LocalDate last = QueryChecks.requiredDate("?to", to);
        if (first.isAfter(last)) {
            throw ProblemException.invalid(Violation.of("?from", "query.fromAfterTo"));
        }
        List<SyncPushRepository.DayLine> lines = batches.reconciliation(first, last, ChinaTime.ZONE);
        if (headers.getAcceptableMediaTypes().stream().anyMatch(m -> m.toString().startsWith("text/csv"))) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("day", "province", "region", "ratings_sent", "ratings_acknowledged", "difference",
                    "ratings_open", "ratings_parked"));
            for (SyncPushRepository.DayLine l : lines) {
                rows.add(List.of(l.day().toString(), l.province(), l.region(), Long.toString(l.ratingsSent()),
                        Long.toString(l.ratingsAcknowledged()), Long.toString(l.ratingsSent() - l.ratingsAcknowledged()),
                        Long.toString(l.ratingsOpen()), Long.toString(l.ratingsParked())));
            }
            return Response.ok(Csv.write(rows), "text/csv; charset=UTF-8").build();
        }
        return Response.ok(lines, MediaType.APPLICATION_JSON).build();
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
