package org.hcp.events.appeal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hcp.events.EventPayload;

/**
 * IntegrityFlagReviewed v1: R6.3 — the bureau reviewed a flag the integrity rules raised. Not adopted, it is followed
 * on {@code hcp.appeals} by a {@link RatingNotAdopted} for each rating it judged (keyed by rating id). Keyed by flag
 * id. The flag itself is not an event: it is a function of the day's ratings and the policy, which any consumer can
 * recompute; this event is the decision.
 *
 * @param flagId    the flag's id: stable for the rule, subject and day
 * @param subject   what the rule watched: a window device and staff id, an evaluator pseudonym and institution, a
 *                  window device, or an evaluator pseudonym (never an identity)
 * @param day       the local day judged
 * @param ratingIds the ratings this review judged: the flag's evidence when it was reviewed
 * @param malicious for a not-adopted flag of bad reviews: 恶意差评
 */
public record IntegrityFlagReviewed(
        @JsonProperty(required = true) String flagId,
        @JsonProperty(required = true) IntegrityRule rule,
        @JsonProperty(required = true) String subject,
        @JsonProperty(required = true) LocalDate day,
        @JsonProperty(required = true) String regionCode,
        @JsonProperty(required = true) List<String> ratingIds,
        @JsonProperty(required = true) IntegrityOutcome outcome,
        @JsonProperty(required = true) boolean malicious,
        @JsonProperty(required = true) String reason,
        @JsonProperty(required = true) String reviewedBy,
        @JsonProperty(required = true) Instant reviewedAt) implements EventPayload {
}
