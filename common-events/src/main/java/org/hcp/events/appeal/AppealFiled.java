package org.hcp.events.appeal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/**
 * AppealFiled v1: R3.1, R3.2 — the party a bad review rated appealed it in time, with its grounds. Keyed by rating id
 * on {@code hcp.appeals} (one open appeal per rating; its decision follows on the same key). No evaluator identity.
 *
 * @param receivedAt           when the unit received the bad review (intake recorded it): the window counts from here
 * @param windowDueAt          R3.2: the last moment to appeal, as the policy said when it was filed
 * @param decisionDueAt        R3.2: the bureau decides by then
 * @param deadlinesProvisional a deadline was counted on a year without an official calendar
 */
public record AppealFiled(
        @JsonProperty(required = true) String appealId,
        @JsonProperty(required = true) String ratingId,
        @JsonProperty(required = true) String caseNumber,
        @JsonProperty(required = true) int level,
        @JsonProperty(required = true) String institutionCode,
        @JsonProperty(required = true) String regionCode,
        @JsonProperty(required = true) Appellant appellant,
        @JsonProperty(required = true) String grounds,
        @JsonProperty(required = true) Instant receivedAt,
        Instant windowDueAt,
        Instant decisionDueAt,
        boolean deadlinesProvisional,
        @JsonProperty(required = true) String filedBy,
        @JsonProperty(required = true) Instant filedAt) implements EventPayload {
}
