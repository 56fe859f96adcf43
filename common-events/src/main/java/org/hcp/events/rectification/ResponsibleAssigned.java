package org.hcp.events.rectification;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/** ResponsibleAssigned v1: R2.1 — the handling unit named the person responsible (again, when reassigned). */
public record ResponsibleAssigned(
        @JsonProperty(required = true) String rectificationId,
        @JsonProperty(required = true) String responsiblePerson,
        @JsonProperty(required = true) String assignedBy,
        @JsonProperty(required = true) Instant assignedAt) implements EventPayload {
}
