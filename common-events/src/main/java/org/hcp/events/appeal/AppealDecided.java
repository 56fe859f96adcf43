package org.hcp.events.appeal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/**
 * AppealDecided v1: R3.4, R3.5 — the bureau's decision on an appeal. An upheld one is followed, on the same key, by
 * the {@link RatingNotAdopted} every consumer acts on; this event is the appeal's own record.
 *
 * @param malicious only for an upheld appeal: 恶意差评 (true) rather than 误评
 * @param onTime    decided by the policy's decision deadline
 */
public record AppealDecided(
        @JsonProperty(required = true) String appealId,
        @JsonProperty(required = true) String ratingId,
        @JsonProperty(required = true) AppealOutcome outcome,
        @JsonProperty(required = true) boolean malicious,
        @JsonProperty(required = true) String reason,
        @JsonProperty(required = true) boolean onTime,
        @JsonProperty(required = true) String decidedBy,
        @JsonProperty(required = true) Instant decidedAt) implements EventPayload {
}
