package org.hcp.kit.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/**
 * The language a request asked for (Accept-Language): Chinese unless English is asked for. Read it at the start of a
 * resource method; a reactive continuation may run where the request's context is gone.
 */
@ApplicationScoped
public class Language {

    @Inject
    HttpHeaders headers;

    public Locale ofRequest() {
        return ProblemMappers.locale(headers);
    }
}
