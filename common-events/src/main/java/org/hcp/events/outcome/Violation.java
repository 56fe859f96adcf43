package org.hcp.events.outcome;

/**
 * One broken rule, at {@code pointer}: a JSON pointer into the request ({@code /tags/2}), a query parameter
 * ({@code ?from}), a CSV position ({@code /line/7}) or {@code /} for the request as a whole.
 */
public record Violation(String pointer, Text text) {

    public static Violation of(String pointer, String key, Object... args) {
        return new Violation(pointer, Text.of(key, args));
    }

    /** A CSV upload that cannot be taken as rows (a quote never closed, a cell too long or with a NUL). */
    public static Violation unreadableCsv(org.hcp.events.text.Csv.Unreadable e) {
        return of("/line/" + e.line, e.key, e.args());
    }

    public String key() {
        return text.key();
    }
}
