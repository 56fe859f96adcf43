package org.hcp.reporting.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.hcp.events.Channel;
import org.hcp.events.RegionCodes;
import org.hcp.events.outcome.Violation;
import org.hcp.kit.rest.Access;
import org.hcp.kit.rest.InputLimits;
import org.hcp.kit.rest.ProblemException;
import org.hcp.reporting.domain.Dimensions.Dimension;
import org.hcp.reporting.domain.TallyQuery.Grouping;
import org.hcp.reporting.domain.TallyQuery;

/**
 * Reads the statistics endpoints' query parameters into a {@link TallyQuery}, refusing what the counters cannot answer
 * with a 422 that names the parameter. Region and institution are narrowed to the caller's scope (R6.1).
 */
final class FigureParameters {

    /** GB/T 2260 levels: province, city, county, township, village. */
    private static final int[] REGION_LEVELS = {2, 4, 6, 9, 12};
    static final List<String> BY = List.of("region", "institution", "window", "staff", "platform", "item", "channel",
            "day", "week", "month", "quarter", "year");
    /** The groupings by the members of one dimension. */
    private static final List<String> MEMBER_DIMENSIONS = List.of("window", "staff", "platform", "item", "channel");

    private final List<Violation> errors = new ArrayList<>();

    private FigureParameters() {
    }

    /**
     * @param by             the grouping asked for, or null
     * @param periodRequired from and to must be given
     * @param monthly        the answer is read from monthly counters only (whole months required)
     */
    static TallyQuery read(Access access, Filters filters, String by, boolean periodRequired, boolean monthly) {
        FigureParameters p = new FigureParameters();
        String from = filters.from;
        String to = filters.to;
        String regionPrefix = blankToNull(filters.region);
        if (regionPrefix != null && !RegionCodes.isPrefix(regionPrefix)) {
            p.errors.add(Violation.of("?region", "query.regionPrefix"));
        }
        LocalDate fromDay = p.day("?from", from);
        LocalDate toDay = p.day("?to", to);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            p.errors.add(Violation.of("?from", "query.fromAfterTo"));
        }
        if (periodRequired && (blankToNull(from) == null || blankToNull(to) == null)) {
            p.errors.add(Violation.of(blankToNull(from) == null ? "?from" : "?to", "query.periodRequired"));
        }
        Map<Dimension, String> members = new LinkedHashMap<>();
        put(members, Dimension.WINDOW, filters.window);
        put(members, Dimension.STAFF, filters.staff);
        put(members, Dimension.PLATFORM, filters.platform);
        put(members, Dimension.ITEM, filters.item);
        put(members, Dimension.CHANNEL, filters.channel);
        if (members.containsKey(Dimension.CHANNEL)
                && Arrays.stream(Channel.values()).noneMatch(c -> c.name().equals(members.get(Dimension.CHANNEL)))) {
            p.errors.add(Violation.of("?channel", "query.channel",
                    Arrays.stream(Channel.values()).map(Enum::name).collect(Collectors.joining(", "))));
        }
        Grouping grouping = Grouping.NONE;
        Dimension byDimension = null;
        String byValue = blankToNull(by);
        if (byValue != null) {
            String b = byValue.toLowerCase(Locale.ROOT);
            if (!BY.contains(b)) {
                p.errors.add(Violation.of("?by", "query.by", String.join(", ", BY)));
            } else if (MEMBER_DIMENSIONS.contains(b)) {
                grouping = Grouping.MEMBER;
                byDimension = Dimension.valueOf(b.toUpperCase(Locale.ROOT));
            } else {
                // region, institution or a period: a grouping of its own name
                grouping = Grouping.valueOf(b.toUpperCase(Locale.ROOT));
            }
        }
        List<Dimension> named = new ArrayList<>(members.keySet());
        if (byDimension != null && !named.contains(byDimension)) {
            named.add(byDimension);
        }
        if (named.size() > 1) {
            p.errors.add(Violation.of(byDimension != null ? "?by" : "?" + named.get(1).code(),
                    "query.oneDimension"));
        }
        Dimension dimension = named.isEmpty() ? Dimension.TOTAL : named.get(0);
        boolean wholeMonths = (fromDay == null || fromDay.getDayOfMonth() == 1)
                && (toDay == null || toDay.plusDays(1).getDayOfMonth() == 1);
        boolean needsDays = grouping == Grouping.DAY || grouping == Grouping.WEEK || !wholeMonths;
        if (needsDays && (!dimension.daily() || monthly)) {
            if (grouping == Grouping.DAY || grouping == Grouping.WEEK) {
                p.errors.add(Violation.of("?by", "query.dailyGrouping", byValue));
            } else {
                p.errors.add(Violation.of(fromDay != null && fromDay.getDayOfMonth() != 1 ? "?from" : "?to",
                        "query.wholeMonths", monthly ? "ranking" : dimension.code()));
            }
        }
        if (!p.errors.isEmpty()) {
            throw ProblemException.invalid(p.errors);
        }
        Access.Filter visible = access.filter(regionPrefix, blankToNull(filters.institution));
        int regionLength = 0;
        if (grouping == Grouping.REGION) {
            int own = visible.regionPrefix() == null ? 0 : visible.regionPrefix().length();
            regionLength = Arrays.stream(REGION_LEVELS).filter(l -> l > own).findFirst().orElse(12);
        }
        return new TallyQuery(dimension, members.get(dimension), visible.regionPrefix(), visible.institution(),
                fromDay, toDay, grouping, regionLength, needsDays, false);
    }

    private static void put(Map<Dimension, String> members, Dimension dimension, String value) {
        String v = blankToNull(value);
        if (v != null) {
            members.put(dimension, v);
        }
    }

    private LocalDate day(String pointer, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(Violation.of(pointer, "query.date"));
            return null;
        }
        if (!InputLimits.inRange(day)) {
            errors.add(Violation.of(pointer, "date.outOfRange", InputLimits.FIRST_DAY, InputLimits.LAST_DAY));
            return null;
        }
        return day;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
