package org.hcp.events;

import java.util.regex.Pattern;

/**
 * GB/T 2260 administrative division codes: 6 digits (province, city, county), 9 with the township, 12 with the
 * village. Roll-ups follow the code's prefix (R4.2), so a query names a prefix of 2 to 12 digits.
 */
public final class RegionCodes {

    private static final Pattern CODE = Pattern.compile("\\d{6}(\\d{3}|\\d{6})?");
    private static final Pattern PREFIX = Pattern.compile("\\d{2,12}");

    private RegionCodes() {
    }

    public static boolean isCode(String value) {
        return value != null && CODE.matcher(value).matches();
    }

    public static boolean isPrefix(String value) {
        return value != null && PREFIX.matcher(value).matches();
    }
}
