package org.hcp.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.intake.service.RatingLinks;
import org.hcp.intake.service.SmsRatings;
import org.hcp.kit.rest.Answers;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;

/** Links to the citizen's rating page (QR code, SMS) and the SMS gateway's two calls. */
@Path("/api/v1")
@Tag(name = "links", description = "二维码、短信评价 / QR code and SMS rating (R1.8)")
@RolesAllowed({"channel", "admin"})
public class RatingLinkResource {

    private final RatingLinks links;
    private final SmsRatings sms;
    private final JsonWebToken caller;

    public RatingLinkResource(RatingLinks links, SmsRatings sms, JsonWebToken caller) {
        this.links = links;
        this.sms = sms;
        this.caller = caller;
    }

    @POST
    @Path("/rating-links")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Issue a rating link for a reported case (QR code at the window or on the receipt, SMS)",
            description = "Body: caseNumber, visitId (a promised case's visit), channel QR_CODE (default) or SMS, "
                    + "validFor (ISO-8601 duration; default and maximum are configured, never past the case's rating "
                    + "period, R1.7). The link is signed, for this case only, expires, and rates once.")
    @APIResponse(responseCode = "201", description = "Issued: token, url, expiresAt")
    @APIResponse(responseCode = "409", description = "The case is rated already (problem+json)")
    @APIResponse(responseCode = "422", description = "Unknown case, wrong visit or channel, period over (problem+json)")
    public Response issue(RatingLinks.IssueLink body) {
        ProblemException.requireBody(body);
        RatingLinks.IssuedLink link = Answers.valueOf(links.issue(body, caller.getName()));
        return Response.created(URI.create(link.url())).entity(link).type(MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/sms/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "SMS gateway: the invitation to send after completion",
            description = "Body: caseNumber, visitId, phone. Answers the text to send (levels to reply with and a "
                    + "rating link). The phone is kept only as a keyed pseudonym, to match the reply.")
    @APIResponse(responseCode = "201", description = "The invitation and its message text")
    public Response invite(SmsRatings.Invite body) {
        ProblemException.requireBody(body);
        SmsRatings.Invitation invitation = Answers.valueOf(sms.invite(body, caller.getName()));
        return Response.status(201).entity(invitation).type(MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/sms/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "SMS gateway: an inbound reply",
            description = "Body: messageId (the gateway's, unique per message), from, text, receivedAt. A digit 1-5 "
                    + "(full-width too) rates the case of the newest open invitation to that phone; a bad review adds "
                    + "its indicator numbers (\"2 1 3\", R1.3). The answer's outcome says what happened and reply is "
                    + "the text to send back; anything but a valid reply records nothing. A retried message id gets "
                    + "the first answer.")
    @APIResponse(responseCode = "200", description = "outcome RECORDED, NEEDS_TAGS, NOT_UNDERSTOOD, NO_OPEN_INVITATION, "
            + "ALREADY_RATED or REJECTED, with the reply text")
    @APIResponse(responseCode = "422", description = "No messageId or no valid sender number (problem+json)")
    public SmsRatings.Answer reply(SmsRatings.InboundReply body) {
        ProblemException.requireBody(body);
        return Answers.valueOf(sms.reply(body));
    }
}
