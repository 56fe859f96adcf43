package org.hcp.events.policy;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * R4.3: who issues a region's monthly bulletins and how they are numbered, as policy data (JC Art.21: each county's
 * bureau publishes its own level's results). Both are patterns: {@code {region}} is the issuing region's name in the
 * directory; {@code {year}}, {@code {month}} (1-12) and {@code {mm}} (01-12) the bulletin's month; {@code {serial}}
 * its number in the month's register (1 for the month's first bulletin published, then in the order of
 * publication), which keeps every number of a month apart.
 *
 * @param issuer         e.g. {@code {region}政务服务和数字化建设管理局}
 * @param documentNumber e.g. {@code 吉市政数评〔{year}〕{month}-{serial}号}
 */
public record BulletinRules(String issuer, String documentNumber) {

    private static final Pattern TOKEN = Pattern.compile("\\{([a-z]+)}");
    private static final int MAX_LENGTH = 100;

    public BulletinRules {
        check("issuer", issuer);
        check("documentNumber", documentNumber);
    }

    /** The issuing bureau's name for the region named {@code regionName}. */
    public String issuerOf(String regionName) {
        return fill(issuer, regionName, null, null);
    }

    /** The bulletin's document number. */
    public String numberOf(YearMonth month, int serial) {
        return fill(documentNumber, null, month, serial);
    }

    private static String fill(String pattern, String regionName, YearMonth month, Integer serial) {
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "region" -> regionName == null ? "" : regionName;
                case "year" -> month == null ? "" : Integer.toString(month.getYear());
                case "month" -> month == null ? "" : Integer.toString(month.getMonthValue());
                case "mm" -> month == null ? "" : String.format("%02d", month.getMonthValue());
                default -> serial == null ? "" : serial.toString();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void check(String field, String pattern) {
        if (pattern == null || pattern.isBlank() || pattern.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("bulletin." + field + " must be 1.." + MAX_LENGTH + " characters");
        }
        Matcher m = TOKEN.matcher(pattern);
        while (m.find()) {
            if (!java.util.Set.of("region", "year", "month", "mm", "serial").contains(m.group(1))) {
                throw new IllegalArgumentException("bulletin." + field + ": unknown token {" + m.group(1) + "}");
            }
        }
    }
}
