package org.hcp.events.policy;

/** How a policy's period is counted: calendar days (日), working days of the official calendar (工作日), months. */
public enum TermUnit {
    DAYS,
    WORKING_DAYS,
    MONTHS
}
