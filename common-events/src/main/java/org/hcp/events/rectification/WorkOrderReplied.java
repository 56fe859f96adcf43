package org.hcp.events.rectification;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/**
 * WorkOrderReplied v1: the 12345 platform said how its work order of the bad review stands (accepted, handled,
 * closed), with its own words, through the signed inbound call (docs/hotline.md). A step of the rectification's
 * history: the unit's own steps (callback, rectification, feedback) are still its to record.
 *
 * @param replyId the 12345 platform's id of this reply: a reply sent again is recorded once
 */
public record WorkOrderReplied(
        @JsonProperty(required = true) String rectificationId,
        @JsonProperty(required = true) String workOrderId,
        @JsonProperty(required = true) String replyId,
        @JsonProperty(required = true) WorkOrderStatus status,
        String text,
        @JsonProperty(required = true) Instant repliedAt,
        @JsonProperty(required = true) Instant receivedAt) implements EventPayload {
}
