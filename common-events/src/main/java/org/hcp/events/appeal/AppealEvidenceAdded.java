package org.hcp.events.appeal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/**
 * AppealEvidenceAdded v1: R3.1 — an attachment to an appeal (PDF, JPEG or PNG, checked by its content). The event
 * carries its hash and metadata, never its bytes; appeal-service keeps those. Keyed by rating id.
 */
public record AppealEvidenceAdded(
        @JsonProperty(required = true) String appealId,
        @JsonProperty(required = true) String ratingId,
        @JsonProperty(required = true) String attachmentId,
        @JsonProperty(required = true) String fileName,
        @JsonProperty(required = true) String mediaType,
        @JsonProperty(required = true) long sizeBytes,
        @JsonProperty(required = true) String sha256,
        @JsonProperty(required = true) String addedBy,
        @JsonProperty(required = true) Instant addedAt) implements EventPayload {
}
