package org.hcp.reporting.domain;

import java.time.LocalDate;
import org.hcp.reporting.domain.Dimensions.Dimension;

/**
 * Which counters to sum and how to group them (R4.2): one dimension (its members, or one member of it), a region
 * prefix, an institution, a period, and at most one grouping.
 *
 * @param dimension    the dimension whose counters are read ({@code TOTAL} unless a member or a member grouping is
 *                     asked for)
 * @param member       one member of {@code dimension}, or null for all of them
 * @param regionPrefix a GB/T 2260 prefix, or null for every region
 * @param institution  an institution code, or null for all
 * @param from         first day, or null
 * @param to           last day, or null
 * @param grouping     how to group
 * @param regionLength for {@link Grouping#REGION} and {@link Grouping#REGION_MEMBER}: how many leading digits of the region code make a group
 * @param daily        read the per-day counters (else the per-month ones)
 * @param tags         read the tag counters (R4.6) instead of the figures' counters
 */
public record TallyQuery(Dimension dimension, String member, String regionPrefix, String institution, LocalDate from,
        LocalDate to, Grouping grouping, int regionLength, boolean daily, boolean tags) {

    public enum Grouping {
        NONE, REGION, INSTITUTION, MEMBER, INSTITUTION_MEMBER, REGION_MEMBER, DAY, WEEK, MONTH, QUARTER, YEAR;

        public boolean isPeriod() {
            return ordinal() >= DAY.ordinal();
        }
    }

    /** The same scope and period, read from {@code dim}'s counters grouped by {@code by}. */
    public TallyQuery over(Dimension dim, Grouping by) {
        return new TallyQuery(dim, null, regionPrefix, institution, from, to, by, 0, false, false);
    }

    public TallyQuery withTags() {
        return new TallyQuery(dimension, member, regionPrefix, institution, from, to, grouping, regionLength, daily,
                true);
    }
}
