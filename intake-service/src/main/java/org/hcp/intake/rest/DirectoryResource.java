package org.hcp.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.events.DirectoryEntryRecorded;
import org.hcp.events.DirectoryKind;
import org.hcp.events.outcome.Outcome;
import org.hcp.events.outcome.Violation;
import org.hcp.events.text.Csv;
import org.hcp.intake.domain.DirectoryDecider.Registration;
import org.hcp.intake.domain.DirectoryDecider;
import org.hcp.intake.domain.DirectoryEntry;
import org.hcp.intake.service.DirectoryQueries;
import org.hcp.intake.service.DirectoryService;
import org.hcp.kit.rest.Answers;
import org.hcp.kit.rest.BodyLimit;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;
import org.hcp.kit.rest.QueryChecks;

@Path("/api/v1/directory")
@Tag(name = "directory", description = "评价对象目录 / What can be rated: regions, items, institutions, windows, "
        + "platforms, staff (R1.11)")
public class DirectoryResource {

    /** CSV columns of an import, in order; attributes as key=value;key=value. */
    static final List<String> CSV_COLUMNS = List.of("kind", "code", "name", "regionCode", "institutionCode",
            "attributes", "active");

    private final DirectoryService service;
    private final DirectoryQueries queries;

    public DirectoryResource(DirectoryService service, DirectoryQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    public record ImportReport(int received, int recorded, int unchanged, List<String> recordedKeys) {
    }

    public record Page<T>(List<T> items, int page, int size) {
    }

    @POST
    @Path("/entries")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed("admin")
    @Operation(summary = "Register or change one entry", description = "A new version is recorded only when "
            + "something changed; each is published as DirectoryEntryRecorded on hcp.directory.")
    public ImportReport register(Registration body) {
        return report(1, service.register(List.of(ProblemException.requireBody(body)), ""));
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed("admin")
    @Operation(summary = "Import entries (JSON array)", description = "All or nothing: any broken entry and "
            + "nothing is recorded; errors point at /entries/<index>/<field>. Unchanged entries record nothing, so "
            + "re-importing a file is harmless. Order matters: regions, then institutions, then their windows.")
    @BodyLimit(2 * 1024 * 1024) // 5,000 entries (DirectoryDecider.IMPORT_MAX)
    public ImportReport importJson(List<Registration> entries) {
        ProblemException.requireBody(entries);
        return report(entries.size(), service.register(entries, "/entries"));
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed("admin")
    @Operation(summary = "Import entries (CSV)", description = "Header kind,code,name,regionCode,institutionCode,"
            + "attributes,active; attributes as key=value;key=value. Same rules as the JSON import; the pointer "
            + "/entries/<n> is the n-th data row, from 0.")
    @BodyLimit(2 * 1024 * 1024) // 5,000 entries (DirectoryDecider.IMPORT_MAX)
    public ImportReport importCsv(InputStream csv) {
        return importJson(parseCsv(new InputStreamReader(csv, StandardCharsets.UTF_8)));
    }

    @GET
    @Path("/entries")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"channel", "handler", "bureau", "auditor", "sync", "admin"})
    @Operation(summary = "Entries by kind and region prefix, a page at a time")
    public Page<DirectoryEntry> list(@QueryParam("kind") String kind, @QueryParam("region") String region,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("100") int size) {
        QueryChecks.page(page, size, 500);
        return new Page<>(queries.list(kind(kind), region, page * size, size), page, size);
    }

    @GET
    @Path("/entries/{kind}/{code}/versions")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"channel", "handler", "bureau", "auditor", "sync", "admin"})
    @Operation(summary = "Every version of one entry: what its name was at each time")
    public List<Map<String, Object>> versions(@PathParam("kind") String kind, @PathParam("code") String code) {
        List<Map<String, Object>> versions = queries.versions(kind(kind), code);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("no " + kind + " " + code + " in the directory");
        }
        return versions;
    }

    private static DirectoryKind kind(String kind) {
        if (kind == null) {
            return null;
        }
        try {
            return DirectoryKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(Violation.of("/kind", "field.unknownValue", kind,
                    List.of(DirectoryKind.values())));
        }
    }

    private static ImportReport report(int received, Outcome<DirectoryService.Registered> registered) {
        DirectoryService.Registered outcome = Answers.valueOf(registered);
        return new ImportReport(received, outcome.recorded().size(), outcome.unchanged(), outcome.recorded().stream()
                .map(e -> DirectoryEntryRecorded.key(e.kind(), e.code()) + "@v" + e.version()).toList());
    }

    /** RFC 4180 CSV (service-kit {@link Csv}, as the paper-form import reads it); the header row is skipped. */
    static List<Registration> parseCsv(java.io.Reader csv) {
        List<Csv.Record> records;
        try {
            // Streamed: reading stops at the first entry past the limit (the header is one more record).
            records = Csv.parse(csv, DirectoryDecider.IMPORT_MAX + 1);
        } catch (Csv.TooManyRecords e) {
            throw ProblemException.invalid(Violation.of("/entries", "directory.importTooLarge",
                    DirectoryDecider.IMPORT_MAX));
        } catch (Csv.Unreadable e) {
            throw ProblemException.invalid(Violation.unreadableCsv(e));
        }
        List<Registration> rows = new ArrayList<>();
        for (Csv.Record record : records) {
            if ("kind".equals(cell(record, 0))) {
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            String pairs = cell(record, 5);
            if (pairs != null) {
                for (String pair : pairs.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        attributes.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                    }
                }
            }
            String active = cell(record, 6);
            rows.add(new Registration(cell(record, 0), cell(record, 1), cell(record, 2), cell(record, 3),
                    cell(record, 4), attributes, active != null ? Boolean.valueOf(active) : null));
        }
        return rows;
    }

    private static String cell(Csv.Record record, int i) {
        String value = record.field(i);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
