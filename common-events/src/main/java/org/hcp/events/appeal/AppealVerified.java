package org.hcp.events.appeal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/** AppealVerified v1: R3.3 — one check the bureau made (spot check, files, site visit, phone callback). */
public record AppealVerified(
        @JsonProperty(required = true) String appealId,
        @JsonProperty(required = true) String ratingId,
        @JsonProperty(required = true) VerificationMethod method,
        @JsonProperty(required = true) String finding,
        @JsonProperty(required = true) String verifiedBy,
        @JsonProperty(required = true) Instant verifiedAt) implements EventPayload {
}
