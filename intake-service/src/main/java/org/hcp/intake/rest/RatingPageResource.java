package org.hcp.intake.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.events.DetailForm;
import org.hcp.events.RatingLevel;
import org.hcp.intake.domain.SubmitRating;
import org.hcp.intake.service.FollowUps;
import org.hcp.intake.service.RatingLinks;
import org.hcp.intake.service.RatingOutcome;
import org.hcp.kit.db.Transactions;
import org.hcp.kit.text.Messages;

/**
 * The citizen's rating page, opened from a QR code or an SMS link (R1.8). A plain HTML form that works without
 * JavaScript (the script only hides the tag list until a bad level is chosen), on a phone, by keyboard and with a
 * screen reader; everything it loads is served from here. No account: the link's token is the only credential.
 */
@Path("/r/{token}")
@PermitAll
@Blocking
@Tag(name = "rating page", description = "公众评价页面 / The citizen's rating page (HTML)")
public class RatingPageResource {

    /** The token is a credential: never sent on as a referrer, never cached, the page never framed. */
    static final Map<String, String> HEADERS = Map.of(
            "Cache-Control", "no-store",
            "Referrer-Policy", "no-referrer",
            "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy", "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
                    + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");

    private final RatingLinks links;
    private final FollowUps followUps;

    public RatingPageResource(RatingLinks links, FollowUps followUps) {
        this.links = links;
        this.followUps = followUps;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(RatingPage page);

        static native TemplateInstance message(RatingPage page);

        static native TemplateInstance followUp(FollowUpPage page);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The rating page of a link; once rated, the rating's follow-up (R2.4)")
    @APIResponse(responseCode = "200", description = "an HTML page; errors are HTML pages too",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Response page(@PathParam("token") String token, @QueryParam("lang") String lang,
            @QueryParam("size") String size) {
        String language = RatingPage.language(lang);
        boolean large = RatingPage.large(size);
        RatingLinks.LinkState state = links.open(token);
        if (state.status() == RatingLinks.Status.USED) {
            return followUp(token, language, large, state, false);
        }
        if (state.status() != RatingLinks.Status.OPEN) {
            return statusPage(token, language, large, state.status());
        }
        return html(200, Templates.form(RatingPage.form(token, language, large, state, RatingPage.Entered.NOTHING,
                List.of())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Submit the rating page's form")
    @APIResponse(responseCode = "200", description = "an HTML page; errors are HTML pages too",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Response submit(@PathParam("token") String token, @QueryParam("lang") String lang,
            @QueryParam("size") String size, @FormParam("level") String level, @FormParam("tags") List<String> tags,
            @FormParam("businessLevel") String businessLevel, @FormParam("serviceLevel") String serviceLevel,
            @FormParam("text") String text, @FormParam("guidanceClear") String guidanceClear,
            @FormParam("procedureConvenient") String procedureConvenient,
            @FormParam("materialsStreamlined") String materialsStreamlined,
            @FormParam("interfaceFriendly") String interfaceFriendly, @FormParam("suggestions") String suggestions) {
        String language = RatingPage.language(lang);
        boolean large = RatingPage.large(size);
        Map<String, String> answers = new HashMap<>();
        answers.put("guidanceClear", yesNo(guidanceClear));
        answers.put("procedureConvenient", yesNo(procedureConvenient));
        answers.put("materialsStreamlined", yesNo(materialsStreamlined));
        answers.put("interfaceFriendly", yesNo(interfaceFriendly));
        Integer overall = levelOf(level);
        List<String> chosenTags = tags == null ? List.of() : tags.stream().filter(s -> !s.isBlank()).toList();
        // A good level sends no tags even if the list was ticked before the level changed (R1.3).
        boolean bad = overall != null && RatingLevel.isBad(overall);
        RatingPage.Entered entered = new RatingPage.Entered(overall, new HashSet<>(chosenTags), levelOf(businessLevel),
                levelOf(serviceLevel), answers, text, suggestions);
        if (overall == null) {
            return formAgain(token, language, large, entered,
                    List.of(RatingPage.TEXTS.get(language).get("levelMissing")));
        }
        List<SubmitRating.DimensionInput> dimensions = new ArrayList<>();
        if (entered.businessLevel() != null) {
            dimensions.add(new SubmitRating.DimensionInput("BUSINESS", entered.businessLevel(), null, null));
        }
        if (entered.serviceLevel() != null) {
            dimensions.add(new SubmitRating.DimensionInput("SERVICE", entered.serviceLevel(), null, null));
        }
        DetailForm detail = new DetailForm(bool(answers.get("guidanceClear")), bool(answers.get("procedureConvenient")),
                bool(answers.get("materialsStreamlined")), bool(answers.get("interfaceFriendly")), suggestions);
        SubmitRating form = SubmitRating.builder().level(overall).tags(bad ? chosenTags : List.of()).text(text)
                .dimensions(dimensions).detailForm(detail).build();
        RatingLinks.LinkRating rated = Transactions.await(links.rate(token, form));
        if (rated instanceof RatingLinks.LinkRating.Invalid) {
            return statusPage(token, language, large, RatingLinks.Status.INVALID);
        }
        if (rated instanceof RatingLinks.LinkRating.Expired) {
            return statusPage(token, language, large, RatingLinks.Status.EXPIRED);
        }
        RatingOutcome outcome = ((RatingLinks.LinkRating.Rated) rated).outcome();
        if (outcome instanceof RatingOutcome.Rejected rejected) {
            return formAgain(token, language, large, entered, rejected.violations().stream()
                    .map(v -> Messages.render(v.text(), RatingPage.EN.equals(language) ? Messages.EN : Messages.ZH))
                    .toList());
        }
        if (outcome instanceof RatingOutcome.AlreadyRated) {
            return statusPage(token, language, large, RatingLinks.Status.RATED);
        }
        if (!(outcome instanceof RatingOutcome.Recorded)) {
            return statusPage(token, language, large, RatingLinks.Status.USED);
        }
        return Response.seeOther(pageUri("/r/{token}/thanks", token, language, large)).build();
    }

    @GET
    @Path("/thanks")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page after a rating was recorded: thanks, and for a bad review its follow-up")
    @APIResponse(responseCode = "200", description = "an HTML page; errors are HTML pages too",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Response thanks(@PathParam("token") String token, @QueryParam("lang") String lang,
            @QueryParam("size") String size) {
        String language = RatingPage.language(lang);
        boolean large = RatingPage.large(size);
        RatingLinks.LinkState state = links.open(token);
        if (state.status() == RatingLinks.Status.INVALID) {
            // Not a link of ours: say so here rather than send the browser on with what it typed.
            return statusPage(token, language, large, state.status());
        }
        if (state.status() != RatingLinks.Status.USED) {
            return Response.seeOther(pageUri("/r/{token}", token, language, large)).build();
        }
        return followUp(token, language, large, state, true);
    }

    @POST
    @Path("/follow-up")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Rate how a bad review was handled (追评), once, from its follow-up page")
    @APIResponse(responseCode = "303", description = "recorded: back to the follow-up page")
    @APIResponse(responseCode = "409", description = "not open: not yet, rated already, ended or not adopted (HTML)",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "422", description = "the form again with what is wrong (HTML)",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Response followUpRating(@PathParam("token") String token, @QueryParam("lang") String lang,
            @QueryParam("size") String size, @FormParam("level") String level, @FormParam("text") String text) {
        String language = RatingPage.language(lang);
        boolean large = RatingPage.large(size);
        RatingLinks.LinkState state = links.open(token);
        if (state.status() != RatingLinks.Status.USED) {
            return statusPage(token, language, large, state.status() == RatingLinks.Status.OPEN
                    ? RatingLinks.Status.INVALID : state.status());
        }
        Integer chosen = levelOf(level);
        FollowUps.Rated rated = followUps.rate(state, chosen, text);
        if (rated instanceof FollowUps.Rated.Recorded) {
            return Response.seeOther(pageUri("/r/{token}", token, language, large)).build();
        }
        FollowUps.FollowUp followUp = followUps.of(state);
        if (rated instanceof FollowUps.Rated.Invalid invalid) {
            List<String> errors = invalid.violations().stream().map(v -> Messages.render(v.text(),
                    RatingPage.EN.equals(language) ? Messages.EN : Messages.ZH)).toList();
            return html(422, Templates.followUp(FollowUpPage.of(token, language, large, state, followUp, false,
                    chosen, errors)));
        }
        return html(409, Templates.followUp(FollowUpPage.of(token, language, large, state, followUp, false)));
    }

    /** R2.4: the used link is the evaluator's way back to the rating: its thanks, or its rectification's progress. */
    private Response followUp(String token, String language, boolean large, RatingLinks.LinkState state,
            boolean justRated) {
        FollowUps.FollowUp followUp = followUps.of(state);
        if (followUp == null) {
            return statusPage(token, language, large, RatingLinks.Status.USED);
        }
        return html(200, Templates.followUp(FollowUpPage.of(token, language, large, state, followUp, justRated)));
    }

    /** A page of the link, keeping the reader's language and text size (a query, not part of the path). */
    private static java.net.URI pageUri(String path, String token, String language, boolean large) {
        UriBuilder page = UriBuilder.fromPath(path).queryParam("lang",
                RatingPage.EN.equals(language) ? "en" : "zh");
        return (large ? page.queryParam("size", "large") : page).build(token);
    }

    private Response formAgain(String token, String language, boolean large, RatingPage.Entered entered,
            List<String> errors) {
        RatingLinks.LinkState state = links.open(token);
        if (state.status() != RatingLinks.Status.OPEN) {
            return statusPage(token, language, large, state.status());
        }
        return html(422, Templates.form(RatingPage.form(token, language, large, state, entered, errors)));
    }

    private static Response statusPage(String token, String language, boolean large, RatingLinks.Status status) {
        String key = switch (status) {
            case USED -> "used";
            case EXPIRED -> "expired";
            case RATED -> "rated";
            default -> "invalid";
        };
        int code = switch (status) {
            case USED, RATED -> 409;
            case EXPIRED -> 410;
            default -> 404;
        };
        return html(code, Templates.message(RatingPage.message(status == RatingLinks.Status.INVALID ? null : token,
                language, large, key, false)));
    }

    private static Response html(int status, TemplateInstance page) {
        Response.ResponseBuilder response = Response.status(status).entity(page.render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        HEADERS.forEach(response::header);
        return response.build();
    }

    private static Integer levelOf(String value) {
        if (value == null || !value.strip().matches("[1-5]")) {
            return null;
        }
        return Integer.valueOf(value.strip());
    }

    private static String yesNo(String value) {
        return "yes".equals(value) || "no".equals(value) ? value : "";
    }

    private static Boolean bool(String answer) {
        return answer.isEmpty() ? null : "yes".equals(answer);
    }
}
