package org.hcp.rectification.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.events.EventJson;
import org.hcp.events.outcome.Text;
import org.hcp.events.outcome.Violation;
import org.hcp.events.rectification.WorkOrderStatus;
import org.hcp.kit.rest.Answers;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;
import org.hcp.rectification.hotline.HotlineSubscribers;
import org.hcp.rectification.service.RectificationService;

/**
 * The city's 12345 platform answers on its work orders (docs/hotline.md). No bearer token: the call is signed with
 * the subscriber's key (HMAC-SHA256 over the body, {@code X-HCP-Signature}), which is checked before the body is
 * parsed; a subscriber reaches only the work orders of its own region.
 */
@Path("/api/v1/hotline/work-orders")
@PermitAll
@Tag(name = "12345", description = "12345 热线工单回复 / The 12345 platform's replies on work orders")
public class HotlineResource {

    static final int BODY_MAX = 16 * 1024;
    static final int TEXT_MAX = 2000;

    /** The body of a reply. */
    public record Reply(String replyId, String status, String text, Instant repliedAt) {
    }

    private final RectificationService rectifications;
    private final HotlineSubscribers subscribers;

    public HotlineResource(RectificationService rectifications, HotlineSubscribers subscribers) {
        this.rectifications = rectifications;
        this.subscribers = subscribers;
    }

    @POST
    @Path("/{workOrderId}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "The 12345 platform's reply on a work order: accepted, handled or closed, with its words",
            description = "Headers: X-HCP-Subscriber (the platform's id) and X-HCP-Signature (sha256= and the hex "
                    + "HMAC-SHA256 of the body under its key). Body: replyId (the platform's, unique per reply), "
                    + "status ACCEPTED|HANDLED|CLOSED, text, repliedAt. Becomes a step of the rectification's history "
                    + "(WorkOrderReplied); a reply sent again is answered repeated=true and recorded once.")
    @APIResponse(responseCode = "200", description = "Recorded (or recorded before: repeated)")
    @APIResponse(responseCode = "401", description = "Unknown subscriber or a signature that does not match")
    @APIResponse(responseCode = "404", description = "No such work order in the subscriber's region")
    @APIResponse(responseCode = "422", description = "A field is missing or wrong (problem+json)")
    public RectificationService.Replied reply(@PathParam("workOrderId") String workOrderId,
            @HeaderParam(HotlineSubscribers.SUBSCRIBER) String subscriberId,
            @HeaderParam(HotlineSubscribers.SIGNATURE) String signature, byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > BODY_MAX) {
            throw new ProblemException(413, "too-large", Text.of("problem.tooLarge"),
                    "a reply is at most " + BODY_MAX + " bytes", List.of());
        }
        HotlineSubscribers.Subscriber subscriber = subscriberId == null ? null
                : subscribers.byId(subscriberId).orElse(null);
        if (subscriber == null || !subscriber.signed(bytes, signature)) {
            throw new ProblemException(401, "unauthenticated", Text.of("problem.unauthenticated"),
                    "unknown 12345 subscriber, or X-HCP-Signature does not match the body", List.of());
        }
        if (bytes.length == 0) {
            throw ProblemException.invalid(Violation.of("/", "request.bodyRequired"));
        }
        Reply reply;
        try {
            reply = EventJson.mapper().readValue(bytes, Reply.class);
        } catch (IOException e) {
            throw new ProblemException(400, "malformed", Text.of("problem.malformed"),
                    "the body is not a reply: " + e.getClass().getSimpleName(), List.of());
        }
        List<Violation> errors = new ArrayList<>();
        WorkOrderStatus status = null;
        try {
            status = reply.status() == null ? null : WorkOrderStatus.valueOf(reply.status());
        } catch (IllegalArgumentException e) {
            errors.add(Violation.of("/status", "field.unknownValue", reply.status(),
                    Arrays.asList(WorkOrderStatus.values())));
        }
        if (reply.text() != null && reply.text().length() > TEXT_MAX) {
            errors.add(Violation.of("/text", "field.tooLong", TEXT_MAX));
        }
        if (reply.replyId() != null && reply.replyId().length() > 128) {
            errors.add(Violation.of("/replyId", "field.tooLong", 128));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return Answers.valueOf(rectifications.replied(subscriber, workOrderId, reply.replyId(), status, reply.text(),
                reply.repliedAt()));
    }
}
