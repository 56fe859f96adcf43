package org.hcp.events.rectification;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/**
 * RectificationClassified v1: R2.3 — clear, complex (a ledger entry) or without basis, and the deadlines that
 * follow from it.
 *
 * @param dueAt                 rectified or explained by then: the policy's term for a clear case (or one without
 *                              basis), the unit's chosen date for a complex one (at most the policy's cap)
 * @param feedbackDueAt         R2.4 (JE): interim feedback on a complex case; null when the policy sets none
 * @param deadlinesProvisional  a deadline was counted on a year without an official calendar
 */
public record RectificationClassified(
        @JsonProperty(required = true) String rectificationId,
        @JsonProperty(required = true) Classification classification,
        String reason,
        Instant dueAt,
        Instant feedbackDueAt,
        boolean deadlinesProvisional,
        @JsonProperty(required = true) String classifiedBy,
        @JsonProperty(required = true) Instant classifiedAt) implements EventPayload {
}
