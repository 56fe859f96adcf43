package org.hcp.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * FollowUpRated v1: 追评 — the evaluator of a bad review rated how it was handled, once, after its rectification gave
 * feedback or closed and within the period the jurisdiction's policy sets ({@code followUpRatingPeriod}). Its own
 * event: it never replaces or removes the original rating (only an upheld appeal does that, R3.4). The case's
 * dimensions ride along so that the 整改满意率 figure needs nothing else. Keyed by case number on
 * {@link Topics#CASES}, which intake writes (hcp.rectifications is rectification-service's own history).
 *
 * @param followUpId the follow-up's id: one per rating, so a second follow-up of the same rating has the same id
 * @param ratingId   the bad review it follows up
 * @param channel    where the follow-up was given (the link's channel, or an SMS reply)
 * @param text       the evaluator's own words, optional; never published
 */
public record FollowUpRated(
        @JsonProperty(required = true) String followUpId,
        @JsonProperty(required = true) String ratingId,
        @JsonProperty(required = true) String rectificationId,
        @JsonProperty(required = true) String caseNumber,
        @JsonProperty(required = true) String itemCode,
        @JsonProperty(required = true) String institutionCode,
        String windowCode,
        String staffId,
        @JsonProperty(required = true) String regionCode,
        @JsonProperty(required = true) Channel channel,
        @JsonProperty(required = true) int level,
        String text,
        @JsonProperty(required = true) Instant ratedAt) implements EventPayload {
}
