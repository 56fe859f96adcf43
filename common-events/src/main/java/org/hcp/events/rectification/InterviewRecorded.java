package org.hcp.events.rectification;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/** InterviewRecorded v1: R2.6 — a late rectification's responsible person was interviewed (约谈) by the bureau. */
public record InterviewRecorded(
        @JsonProperty(required = true) String rectificationId,
        @JsonProperty(required = true) String interviewee,
        String note,
        @JsonProperty(required = true) String recordedBy,
        @JsonProperty(required = true) Instant interviewedAt) implements EventPayload {
}
