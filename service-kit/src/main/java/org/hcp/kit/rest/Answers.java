package org.hcp.kit.rest;

import org.hcp.events.outcome.Outcome;

/** Where a service's {@link Outcome} becomes HTTP: its value, or the problem+json it stands for. */
public final class Answers {

    private Answers() {
    }

    /** The value of a done outcome; otherwise throws the outcome's problem (422, 409 or 404). */
    public static <T> T valueOf(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> done) {
            return done.value();
        }
        throw problem(outcome);
    }

    public static ProblemException problem(Outcome<?> outcome) {
        if (outcome instanceof Outcome.Rejected<?> r) {
            return ProblemException.invalid(r.violations());
        }
        if (outcome instanceof Outcome.Conflict<?> c) {
            return ProblemException.conflict(c.kind(), c.title(), c.detail());
        }
        if (outcome instanceof Outcome.NotFound<?> n) {
            return ProblemException.notFound(n.detail());
        }
        if (outcome instanceof Outcome.Forbidden<?> f) {
            return ProblemException.forbidden(f.detail());
        }
        throw new IllegalArgumentException("a done outcome is no problem");
    }
}
