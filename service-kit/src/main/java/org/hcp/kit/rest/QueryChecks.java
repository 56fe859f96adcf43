package org.hcp.kit.rest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.hcp.events.RegionCodes;
import org.hcp.events.outcome.Violation;

/** The query parameters every list endpoint reads the same way, refused the same way (422 naming the parameter). */
public final class QueryChecks {

    private QueryChecks() {
    }

    /** {@code ?region}: absent, or a GB/T 2260 code prefix (R4.2 roll-up, R6.1 scope). */
    public static void regionPrefix(String region) {
        if (region != null && !RegionCodes.isPrefix(region)) {
            throw ProblemException.invalid(Violation.of("?region", "query.regionPrefix"));
        }
    }

    /** A date parameter ({@code YYYY-MM-DD}): null when absent, 422 naming {@code pointer} when it is not a date. */
    public static LocalDate date(String pointer, String value) {
        if (value == null) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(Violation.of(pointer, "query.date"));
        }
        if (!InputLimits.inRange(day)) {
            throw ProblemException.invalid(Violation.of(pointer, "date.outOfRange", InputLimits.FIRST_DAY,
                    InputLimits.LAST_DAY));
        }
        return day;
    }

    /**
     * A month ({@code YYYY-MM}) that must be given and lie within {@link InputLimits}' years: 422 naming
     * {@code pointer} with {@code key} otherwise.
     */
    public static YearMonth month(String pointer, String value, String key) {
        YearMonth month;
        try {
            month = YearMonth.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(Violation.of(pointer, key));
        }
        if (!InputLimits.inRange(month.atDay(1))) {
            throw ProblemException.invalid(Violation.of(pointer, "date.outOfRange", InputLimits.FIRST_DAY,
                    InputLimits.LAST_DAY));
        }
        return month;
    }

    /** A date parameter that must be given: 422 naming {@code pointer} when it is absent or not a date. */
    public static LocalDate requiredDate(String pointer, String value) {
        LocalDate day = date(pointer, value);
        if (day == null) {
            throw ProblemException.invalid(Violation.of(pointer, "query.date"));
        }
        return day;
    }

    /**
     * {@code ?page} from 0 and {@code ?size} from 1 to {@code max}, and no deeper than {@link InputLimits#OFFSET_MAX}
     * rows: {@code page × size} would otherwise overflow into a negative OFFSET.
     */
    public static void page(int page, int size, int max) {
        if (page < 0 || size < 1 || size > max) {
            throw ProblemException.invalid(Violation.of(page < 0 ? "?page" : "?size", "page.size", max));
        }
        if ((long) page * size > InputLimits.OFFSET_MAX) {
            throw ProblemException.invalid(Violation.of("?page", "page.tooDeep", InputLimits.OFFSET_MAX));
        }
    }
}
