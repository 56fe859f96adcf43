package org.hcp.kit.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The bounds every request meets before anything reads it further (docs/security.md, "Input limits"). Rules with
 * tighter bounds (a rating's text, a directory name) check those in their deciders; these are the floor under all.
 */
public final class InputLimits {

    /** Any string in a JSON body, in characters. */
    public static final int JSON_TEXT_MAX = 4_000;
    /** Any path segment, query parameter name or value, in characters. */
    public static final int URL_PART_MAX = 256;
    /** A JSON body unless its endpoint says otherwise ({@link BodyLimit}). */
    public static final long BODY_DEFAULT_MAX = 256 * 1024;
    /** The first and the last day any date in a request may name: the regime began in 2019, and deadlines run ahead. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);
    /** How deep a list may be paged: {@code page × size} rows at most. */
    public static final long OFFSET_MAX = 1_000_000;

    private static final Instant FIRST_INSTANT = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.ofHours(14));
    private static final Instant AFTER_LAST_INSTANT = LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.ofHours(-14));

    private InputLimits() {
    }

    public static boolean inRange(LocalDate day) {
        return !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
    }

    /** Whatever the zone it was written in, the instant falls within the days above. */
    public static boolean inRange(Instant instant) {
        return !instant.isBefore(FIRST_INSTANT) && instant.isBefore(AFTER_LAST_INSTANT);
    }

    /**
     * Null when {@code text} may be stored and logged, else the message key of what is wrong: longer than
     * {@code max}, or a control character other than tab, line feed and carriage return (PostgreSQL refuses NUL).
     */
    public static String textProblem(CharSequence text, int max) {
        return problem(text, max, true);
    }

    /** As {@link #textProblem}, for a path segment or query value: no control character at all, not even a line break. */
    public static String urlPartProblem(String part) {
        return problem(part, URL_PART_MAX, false);
    }

    private static String problem(CharSequence text, int max, boolean lineBreaks) {
        if (text.length() > max) {
            return "field.tooLong";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = lineBreaks && (c == '\t' || c == '\n' || c == '\r');
            if (c < 0x20 && !allowed || c == 0x7f) {
                return "text.controlCharacter";
            }
        }
        return null;
    }
}
