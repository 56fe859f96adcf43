package org.hcp.events.appeal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/**
 * RatingNotAdopted v1: R3.4 — the bureau upheld an appeal: the rating was mistaken or malicious and counts nowhere
 * from then on (every statistic, ranking, bulletin; its rectification is withdrawn). The log keeps the rating.
 * Keyed by rating id on {@code hcp.appeals}; may arrive before the rating itself.
 *
 * @param decisionId the decision's id; a later {@link RatingReinstated} names its own
 * @param malicious  误评 (false) or 恶意差评 (true)
 */
public record RatingNotAdopted(
        @JsonProperty(required = true) String ratingId,
        @JsonProperty(required = true) String caseNumber,
        @JsonProperty(required = true) String decisionId,
        @JsonProperty(required = true) boolean malicious,
        @JsonProperty(required = true) String reason,
        @JsonProperty(required = true) String decidedBy,
        @JsonProperty(required = true) Instant decidedAt) implements EventPayload {
}
