package org.hcp.events;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * The division a roll-up prefix stands for (R4.2): a province or city prefix is its code with the zeros written
     * out ({@code 22} is 220000, {@code 2202} is 220200); a longer prefix is the county, township or village it lies
     * in.
     */
    public static String divisionOf(String prefix) {
        if (!isPrefix(prefix)) {
            throw new IllegalArgumentException("not a GB/T 2260 prefix: " + prefix);
        }
        int length = prefix.length();
        if (length < 6) {
            return (prefix + "000000").substring(0, 6);
        }
        return prefix.substring(0, length < 9 ? 6 : length < 12 ? 9 : 12);
    }

    /**
     * The roll-up prefix of a division, the inverse of {@link #divisionOf}: a province's or city's code without its
     * zeros ({@code 220000} is 22, {@code 220200} is 2202); a county's, township's or village's is its code.
     */
    public static String prefixOf(String code) {
        if (!isCode(code)) {
            throw new IllegalArgumentException("not a GB/T 2260 code: " + code);
        }
        if (code.length() == 6 && code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        return code.length() == 6 && code.endsWith("00") ? code.substring(0, 4) : code;
    }

    /** Whether {@code code} is a prefecture-level city's (6 digits, ..00, not a province's ..0000). */
    public static boolean isCity(String code) {
        return isCode(code) && code.length() == 6 && code.endsWith("00") && !code.endsWith("0000");
    }

    /**
     * The enclosing division: village → township → county → city → province → null. 220271 (a development zone
     * of Jilin City) → 220200 → 220000.
     */
    public static String parentOf(String code) {
        if (!isCode(code)) {
            throw new IllegalArgumentException("not a GB/T 2260 code: " + code);
        }
        if (code.length() == 12) {
            return code.substring(0, 9);
        }
        if (code.length() == 9) {
            return code.substring(0, 6);
        }
        if (!code.endsWith("00")) {
            return code.substring(0, 4) + "00";
        }
        if (!code.endsWith("0000")) {
            return code.substring(0, 2) + "0000";
        }
        return null;
    }

    /** The code and every enclosing division, nearest first. */
    public static List<String> selfAndAncestors(String code) {
        List<String> chain = new ArrayList<>();
        for (String c = code; c != null; c = parentOf(c)) {
            chain.add(c);
        }
        return chain;
    }
}
