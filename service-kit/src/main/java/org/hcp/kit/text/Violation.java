package org.hcp.kit.text;

/**
 * One broken rule, at {@code pointer}: a JSON pointer into the request ({@code /tags/2}), a query parameter
 * ({@code ?from}), a CSV position ({@code /line/7}) or {@code /} for the request as a whole.
 */
public record Violation(String pointer, Text text) {

    public static Violation of(String pointer, String key, Object... args) {
        return new Violation(pointer, Text.of(key, args));
    }

    public String key() {
        return text.key();
    }
}
