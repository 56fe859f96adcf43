package org.hcp.events.rectification;

/** Where the city's 12345 platform says its work order of a bad review stands. */
public enum WorkOrderStatus {
    ACCEPTED,
    HANDLED,
    CLOSED
}
