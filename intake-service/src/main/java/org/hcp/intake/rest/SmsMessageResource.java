package org.hcp.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.events.outcome.Violation;
import org.hcp.intake.repository.OutboundMessageRepository.Message;
import org.hcp.intake.repository.OutboundMessageRepository.Status;
import org.hcp.intake.service.OutboundMessages;
import org.hcp.kit.rest.Answers;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;
import org.hcp.kit.rest.QueryChecks;

/** The operators' view of the messages intake sends evaluators: no phone number, only the pseudonym's absence. */
@Path("/api/v1/sms/messages")
@Tag(name = "messages", description = "发给评价人的短信 / Messages to evaluators (issue 29)")
@RolesAllowed("admin")
public class SmsMessageResource {

    /** What an operator sees of a message: never the number, nor the phone's pseudonym. */
    public record MessageView(String messageId, String kind, String caseNumber, String status,
            java.time.Instant notBefore, int attempts, String body, Integer segments, String lastError,
            java.time.Instant createdAt, java.time.Instant sentAt, java.time.Instant doneAt) {

        static MessageView of(Message m) {
            return new MessageView(m.messageId(), m.kind().name(), m.caseNumber(), m.status().name(), m.notBefore(),
                    m.attempts(), m.body(), m.segments(), m.lastError(), m.createdAt(), m.sentAt(), m.doneAt());
        }
    }

    private final OutboundMessages messages;
    private final JsonWebToken caller;

    public SmsMessageResource(OutboundMessages messages, JsonWebToken caller) {
        this.messages = messages;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Messages in one status, newest first (PARKED: those waiting for an operator)")
    public List<MessageView> list(@QueryParam("status") @DefaultValue("PARKED") String status,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        QueryChecks.page(page, size, 500);
        Status wanted;
        try {
            wanted = Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(Violation.of("/status", "field.unknownValue", status,
                    Arrays.asList(Status.values())));
        }
        return messages.list(wanted, page, size).stream().map(MessageView::of).toList();
    }

    @POST
    @Path("/{messageId}/retry")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Queue a parked message again, once the operator has checked it did not go out")
    @APIResponse(responseCode = "200", description = "Queued again")
    @APIResponse(responseCode = "404", description = "No such message (problem+json)")
    @APIResponse(responseCode = "409", description = "Not parked (problem+json)")
    public MessageView retry(@PathParam("messageId") String messageId) {
        return MessageView.of(Answers.valueOf(messages.retry(messageId, caller.getName())));
    }
}
