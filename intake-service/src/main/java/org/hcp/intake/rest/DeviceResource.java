package org.hcp.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.intake.service.DeviceRatings;
import org.hcp.kit.rest.Answers;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;

@Path("/api/v1/devices/{deviceId}")
@Tag(name = "devices", description = "窗口评价器与自助终端 / Window rating pads and self-service kiosks (R1.8)")
@RolesAllowed({"channel", "admin"})
public class DeviceResource {

    private final DeviceRatings devices;
    private final JsonWebToken caller;

    public DeviceResource(DeviceRatings devices, JsonWebToken caller) {
        this.devices = devices;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Where a registered device stands: its channel, institution and window")
    @APIResponse(responseCode = "404", description = "No active device of that id is registered (problem+json)")
    public DeviceRatings.Device get(@PathParam("deviceId") String deviceId) {
        return Answers.valueOf(devices.device(deviceId));
    }

    @POST
    @Path("/ratings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Submit the rating given on a device",
            description = "The device's channel (WINDOW_DEVICE or SELF_SERVICE_TERMINAL), institution and window "
                    + "come from its registration (directory kind DEVICE); a case of another institution or window is "
                    + "refused. Otherwise as POST /api/v1/ratings.")
    @APIResponse(responseCode = "202", description = "Accepted")
    @APIResponse(responseCode = "404", description = "Unknown or inactive device (problem+json)")
    @APIResponse(responseCode = "409", description = "Already rated (R1.4) (problem+json)")
    @APIResponse(responseCode = "422", description = "A rule is broken (problem+json)")
    public Response submit(@PathParam("deviceId") String deviceId, DeviceRatings.DeviceRating body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        ProblemException.requireBody(body);
        return RatingAnswers.answer(Answers.valueOf(devices.submit(deviceId, body, idempotencyKey,
                caller.getName())));
    }
}
