package org.hcp.events.rectification;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/**
 * CallbackRecorded v1: R2.2 — the unit called the evaluator back (or tried). The evaluator's contact was read
 * through intake's recorded contact access; nothing of it is here.
 */
public record CallbackRecorded(
        @JsonProperty(required = true) String rectificationId,
        @JsonProperty(required = true) CallbackResult result,
        String note,
        @JsonProperty(required = true) String recordedBy,
        @JsonProperty(required = true) Instant calledAt) implements EventPayload {
}
