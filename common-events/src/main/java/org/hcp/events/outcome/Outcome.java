package org.hcp.events.outcome;

import java.util.List;
import java.util.function.Function;

/**
 * What a service's command came to, in domain terms. Services return it; only {@code rest/} turns it into HTTP
 * ({@code org.hcp.kit.rest.Answers}). Every outcome but {@link Done} wrote nothing of what was asked (a refused
 * read of personal data is still recorded as refused, R6.1).
 */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {
    }

    /** Rules are broken; each violation names where. */
    record Rejected<T>(List<Violation> violations) implements Outcome<T> {
        public Rejected {
            violations = List.copyOf(violations);
        }
    }

    /** The request is valid but clashes with what is recorded ({@code kind} names the clash, stable). */
    record Conflict<T>(String kind, Text title, String detail) implements Outcome<T> {
    }

    record NotFound<T>(String detail) implements Outcome<T> {
    }

    /** The caller may see the thing but not do this with it (a purpose that is not its role's duty). */
    record Forbidden<T>(String detail) implements Outcome<T> {
    }

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> rejected(List<Violation> violations) {
        return new Rejected<>(violations);
    }

    static <T> Outcome<T> rejected(Violation violation) {
        return new Rejected<>(List.of(violation));
    }

    static <T> Outcome<T> conflict(String kind, Text title, String detail) {
        return new Conflict<>(kind, title, detail);
    }

    static <T> Outcome<T> notFound(String detail) {
        return new NotFound<>(detail);
    }

    static <T> Outcome<T> forbidden(String detail) {
        return new Forbidden<>(detail);
    }

    default <R> Outcome<R> map(Function<T, R> f) {
        if (this instanceof Done<T> done) {
            return new Done<>(f.apply(done.value()));
        }
        return failure();
    }

    /** A failure carries no value, so it stands for an outcome of any type. */
    @SuppressWarnings("unchecked")
    private <R> Outcome<R> failure() {
        return (Outcome<R>) this;
    }
}
