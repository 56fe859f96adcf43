package org.hcp.events;

/** Marker for the payload records of registered event types (see {@link EventTypes}). */
public interface EventPayload {
}
