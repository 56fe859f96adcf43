package org.hcp.kit.messaging;

/** A loop that runs beside the HTTP surface (a projection, the outbox relay); health reports on each. */
public interface BackgroundWorker {

    String name();

    /** Null while healthy; otherwise what went wrong last, with no personal data in it. */
    String problem();
}
