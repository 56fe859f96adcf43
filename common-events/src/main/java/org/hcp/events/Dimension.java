package org.hcp.events;

/** R1.2: what a rating is about. The overall rating is the rating's own level. */
public enum Dimension {
    OVERALL,
    BUSINESS,
    SERVICE
}
