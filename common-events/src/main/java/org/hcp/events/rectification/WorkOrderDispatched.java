package org.hcp.events.rectification;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/**
 * WorkOrderDispatched v1: the bad review was handed to the city's 12345 platform as a work order, which took it
 * (docs/hotline.md), where the jurisdiction's policy says so ({@code hotlineWorkOrders}). A step of the
 * rectification's history; its deadlines are unchanged.
 *
 * @param workOrderId ours, the same on every attempt: the 12345 platform takes each once
 * @param subscriber  the 12345 platform it went to (configuration, docs/hotline.md)
 */
public record WorkOrderDispatched(
        @JsonProperty(required = true) String rectificationId,
        @JsonProperty(required = true) String workOrderId,
        @JsonProperty(required = true) String subscriber,
        @JsonProperty(required = true) Instant dispatchedAt) implements EventPayload {
}
