package org.hcp.events;

import java.util.regex.Pattern;

/**
 * The one character set of every identifier HCP accepts (case numbers, directory codes, batch and chain ids, rating
 * ids, work-order and form numbers): an ASCII letter or digit, then letters, digits and the separators {@code - _ . :}
 * that business systems put in their numbers. No space, quote, angle bracket, backslash or control character can
 * reach a URL, a header, a log line or an index (docs/security.md, "Input limits").
 */
public final class Identifiers {

    /** GB/T 39046's case number is an..50. */
    public static final int CASE_NUMBER_MAX = 50;
    /** Directory codes, batch and chain ids, staff and platform codes, visit ids. */
    public static final int CODE_MAX = 64;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");

    private Identifiers() {
    }

    /** True when {@code value} is 1 to {@code max} characters of the identifier set. */
    public static boolean isValid(String value, int max) {
        return value != null && !value.isEmpty() && value.length() <= max && IDENTIFIER.matcher(value).matches();
    }
}
