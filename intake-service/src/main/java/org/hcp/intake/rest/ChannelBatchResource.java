package org.hcp.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.events.EventJson;
import org.hcp.events.outcome.Violation;
import org.hcp.intake.service.HotlineRatings;
import org.hcp.intake.service.PaperForms;
import org.hcp.kit.rest.Access;
import org.hcp.kit.rest.Answers;
import org.hcp.kit.rest.BodyLimit;
import org.hcp.kit.rest.Language;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;

/** Channels that deliver many ratings at once: the 12345 hotline and paper forms. Each item is answered. */
@Path("/api/v1")
@Tag(name = "ratings", description = "评价接入 / Ratings from channels")
public class ChannelBatchResource {

    private final HotlineRatings hotline;
    private final PaperForms paper;
    private final Access access;
    private final Language language;

    public ChannelBatchResource(HotlineRatings hotline, PaperForms paper, Access access, Language language) {
        this.hotline = hotline;
        this.paper = paper;
        this.access = access;
        this.language = language;
    }

    /** A paper import's report as sent: each rejected row's errors in the reader's language. */
    public record ImportAnswer(int rows, int accepted, int duplicates, int rejected, int skipped,
            List<RowAnswer> results) {
    }

    public record RowAnswer(int line, String formNo, String outcome, String ratingId, List<String> caseNumbers,
            List<Problem.FieldError> errors) {
    }

    @POST
    @Path("/hotline/ratings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"channel", "admin"})
    @Operation(summary = "12345 hotline: push one rating record or an array of up to 500",
            description = "Each record: workOrderNo (the hotline's work order, which makes the rating id), caseNumber, "
                    + "level, tags for a bad review, text, ratedAt, optional visitId and evaluator. Channel "
                    + "HOTLINE_12345 (pf 6). Every record is answered on its own.")
    // 500 ratings of at most a few hundred bytes each
    @BodyLimit(1024 * 1024)
    public RatingAnswers.BatchResult pushHotline(JsonNode body) {
        Locale locale = language.ofRequest();
        ProblemException.requireBody(body);
        List<HotlineRatings.HotlineRecord> records = new ArrayList<>();
        List<JsonNode> nodes = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(nodes::add);
        } else if (body.isObject()) {
            nodes.add(body);
        } else {
            throw ProblemException.invalid(List.of(Violation.of("/", "hotline.recordOrArray")));
        }
        for (int i = 0; i < nodes.size(); i++) {
            try {
                records.add(EventJson.mapper().treeToValue(nodes.get(i), HotlineRatings.HotlineRecord.class));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw ProblemException.invalid(List.of(Violation.of(body.isArray() ? "/" + i : "/",
                        "hotline.recordUnreadable", e.getOriginalMessage())));
            }
        }
        return RatingAnswers.batch(Answers.valueOf(hotline.push(records)), "", locale);
    }

    @POST
    @Path("/paper-forms/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "channel", "admin"})
    @Operation(summary = "Import transcribed paper forms (CSV, UTF-8)",
            description = "Header row with columns formNo,caseNumber,level (required) and visitId,tags,businessLevel,"
                    + "serviceLevel,text,ratedOn,channel (optional, any order). tags are codes separated by ';'; ratedOn "
                    + "is the date on the form (yyyy-MM-dd); channel PAPER_FORM (default) or SUGGESTION_BOX. Every row "
                    + "is recorded or rejected on its own and the report names each rejected row's line and column. "
                    + "Re-importing a file records nothing twice (duplicates). A handler imports for its own "
                    + "institution only.")
    // 5,000 rows (PaperForms.MAX_ROWS) of a few hundred bytes
    @BodyLimit(2 * 1024 * 1024)
    public ImportAnswer importPaperForms(InputStream csv) {
        Locale locale = language.ofRequest();
        PaperForms.ImportReport report = Answers.valueOf(paper.importCsv(
                new InputStreamReader(csv, StandardCharsets.UTF_8), access.handlerInstitution()));
        return new ImportAnswer(report.rows(), report.accepted(), report.duplicates(), report.rejected(),
                report.skipped(), report.results().stream().map(r -> new RowAnswer(r.line(), r.formNo(), r.outcome(),
                        r.ratingId(), r.caseNumbers(), r.errors().stream()
                        .map(v -> ProblemException.fieldError(v, locale)).toList())).toList());
    }
}
