package org.hcp.console.rest;

import io.quarkus.oidc.OIDCException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.text.Messages;
import org.jboss.logging.Logger;

/**
 * The sign-in through the identity provider fails before the REST layer when the provider does not answer: quarkus-oidc
 * then leaves a bare 500. This says it as the other errors are said, a 503 problem+json, and logs it once.
 */
@Singleton
public class SignInFailures {

    private static final Logger LOG = Logger.getLogger(SignInFailures.class);

    void register(@Observes Router router) {
        router.route("/console/sign-in").order(Integer.MIN_VALUE).failureHandler(context -> {
            Throwable failure = context.failure();
            if (!isProviderDown(failure) || context.response().headWritten()) {
                context.next();
                return;
            }
            LOG.warnf("console: the identity provider did not answer a sign-in (%s)", failure.toString());
            // the reader's language as every other answer chooses it (ProblemMappers.locale)
            Locale locale = Messages.choose(context.acceptableLanguages().stream()
                    .map(language -> Locale.forLanguageTag(language.tag())).toList());
            Problem problem = new Problem(Problem.TYPE_BASE + "identity-provider-unavailable",
                    Messages.render("console.identityProviderDown", locale), 503,
                    "the identity provider did not answer", "/console/sign-in", List.of());
            context.response().setStatusCode(503).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", "30").end(io.vertx.core.json.Json.encode(problem));
        });
    }

    static boolean isProviderDown(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OIDCException) {
                return true;
            }
        }
        return false;
    }
}
