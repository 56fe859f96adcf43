package org.hcp.kit.messaging;

/** A loop that runs beside the HTTP surface (a projection, the outbox relay); health reports on each. */
public interface BackgroundWorker {

    String name();

    /** Null while healthy; otherwise what went wrong last, with no personal data in it. */
    String problem();

    /**
     * Whether the service's answers depend on this loop, so that its problem takes the replica out of rotation
     * (readiness): a projection the reads come from, the outbox relay, the reference data. A loop that works for
     * others (a scheduler, the notary, the push to a province) reports under wellness instead: an outage there
     * must not stop the API that has nothing to do with it.
     */
    default boolean neededForRequests() {
        return true;
    }
}
