package org.hcp.reporting.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.events.RegionCodes;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.QueryChecks;
import org.hcp.reporting.publication.Edition;
import org.hcp.reporting.repository.BulletinRepository;

/**
 * R4.3 / R4.7: the public index of published bulletins, by region and month: a page rendered on the server, without
 * JavaScript, Chinese first, readable on a phone. Each line opens the bulletin's page, its PDF or its English edition.
 */
@Path("/public/bulletins")
@Tag(name = "public", description = "公开 / Published bulletins")
public class PublicBulletinsResource {

    private final BulletinRepository bulletins;

    public PublicBulletinsResource(BulletinRepository bulletins) {
        this.bulletins = bulletins;
    }

    /** A region in the filter, selected or not. */
    public record Region(String code, String name, boolean selected) {
    }

    /** A line of the index. */
    public record Line(String kind, String name, String issuer, String documentNumber, String path) {
    }

    /** What the index shows. */
    public record Index(Edition edition, List<Region> regions, List<String> months, String month, String region,
            List<Line> lines) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Index index);
    }

    @GET
    @Produces({"text/html; charset=UTF-8", Problem.MEDIA_TYPE})
    @PermitAll
    @Blocking
    @Operation(summary = "The published bulletins by region and month, as a public web page",
            description = "region: a GB/T 2260 code or prefix (2202 or 220200 for Jilin City); month: YYYY-MM, "
                    + "the latest month with bulletins when absent; lang=en for English.")
    public String index(@QueryParam("region") String region, @QueryParam("month") String month,
            @QueryParam("lang") String lang) {
        String prefix = region == null || region.isBlank() ? null : region.trim();
        QueryChecks.regionPrefix(prefix);
        if (prefix != null && RegionCodes.isCode(prefix)) {
            prefix = RegionCodes.prefixOf(prefix);
        }
        String chosen = month == null || month.isBlank() ? null
                : QueryChecks.month("?month", month, "bulletin.month").toString();
        Edition e = Edition.of(lang);
        List<String> months = bulletins.months(prefix);
        if (chosen == null && !months.isEmpty()) {
            chosen = months.get(0);
        }
        String selected = prefix;
        List<Region> regions = bulletins.regions().stream().map(r -> new Region(r[0],
                r[1] == null ? r[0] : r[1], selected != null && RegionCodes.prefixOf(r[0]).equals(selected)))
                .toList();
        List<Line> lines = chosen == null ? List.of() : bulletins.index(chosen, prefix).stream()
                .map(b -> new Line(kind(b, e), b.scopeName() == null ? b.scopeCode() : b.scopeName(), b.issuer(),
                        b.documentNumber(), "/api/v1/bulletins/" + b.bulletinId() + "/"))
                .toList();
        return Templates.index(new Index(e, regions, months, chosen, prefix == null ? "" : prefix, lines)).render();
    }

    private static String kind(BulletinRepository.Listed b, Edition e) {
        if (!b.scope().equals("REGION")) {
            return e.pick("机构", "Institution");
        }
        return RegionCodes.isCity(b.scopeCode()) ? e.pick("全市", "City") : e.pick("县（市）区", "District");
    }
}
