package org.hcp.kit.rest;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import org.hcp.events.EventIds;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The id that ties a request to every event it causes (docs/events.md, the envelope's {@code correlationId} and
 * {@code causationId}). A caller may send its own as {@code X-Correlation-Id} (a UUID, e.g. the channel's request
 * id); otherwise one is made. Every answer carries it back in the same header, errors included, so a channel can
 * quote it and an auditor find the events.
 */
@Singleton
public class Correlation {

    public static final String HEADER = "X-Correlation-Id";

    /** The request's id, made on first use. */
    @RequestScoped
    public static class RequestId {
        private UUID id;

        UUID get() {
            if (id == null) {
                id = EventIds.newTimeOrdered();
            }
            return id;
        }

        void set(UUID id) {
            this.id = id;
        }
    }

    private final RequestId requestId;

    public Correlation(RequestId requestId) {
        this.requestId = requestId;
    }

    /** The current request's id; null outside a request (a scheduler, a projection), where the cause is an event. */
    public UUID current() {
        ManagedContext context = Arc.container().requestContext();
        return context.isActive() ? requestId.get() : null;
    }

    @ServerRequestFilter
    public void takeFromRequest(ContainerRequestContext request) {
        String sent = request.getHeaderString(HEADER);
        if (sent != null) {
            try {
                requestId.set(UUID.fromString(sent.strip()));
            } catch (IllegalArgumentException notAUuid) {
                // Not ours to refuse a request over: it gets an id of our own, returned in the header.
            }
        }
    }

    @ServerResponseFilter
    public void returnWithResponse(ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, requestId.get().toString());
    }
}
