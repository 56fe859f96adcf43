package org.hcp.reporting.domain;

/**
 * Where a fact counts (R4.2): its region and institution always, and the window, staff member, platform, service item
 * and channel when the fact knows them (null when it does not).
 */
public record Dimensions(String regionCode, String institutionCode, String windowCode, String staffId,
        String platformCode, String itemCode, String channel) {

    /** Joins a unit and an item in the member of a pair dimension. */
    public static final String PAIR = "|";

    /** The member of {@code dimension} this fact counts under; null when it does not count there. */
    public String member(Dimension dimension) {
        return switch (dimension) {
            case TOTAL -> "";
            case WINDOW -> windowCode;
            case STAFF -> staffId;
            case PLATFORM -> platformCode;
            case ITEM -> itemCode;
            case CHANNEL -> channel;
            case WINDOW_ITEM -> windowCode == null || itemCode == null ? null : windowCode + PAIR + itemCode;
            case STAFF_ITEM -> staffId == null || itemCode == null ? null : staffId + PAIR + itemCode;
        };
    }

    /**
     * The dimensions the aggregates keep beside region and institution. Every fact counts under {@code TOTAL}; the
     * others are kept per month, and {@code TOTAL} and {@code CHANNEL} per day as well (docs/figures.md, "Where
     * figures are kept"). {@code WINDOW_ITEM} and {@code STAFF_ITEM} pair a unit with an item for the fair ranking
     * (R4.5: an institution's items are its {@code ITEM} counters); they are not offered as filters.
     */
    public enum Dimension {
        TOTAL(true), WINDOW(false), STAFF(false), PLATFORM(false), ITEM(false), CHANNEL(true), WINDOW_ITEM(false),
        STAFF_ITEM(false);

        private final boolean daily;

        Dimension(boolean daily) {
            this.daily = daily;
        }

        public boolean daily() {
            return daily;
        }

        /** The pair dimensions count ratings only: they exist for the ranking. */
        public boolean counts(String measure) {
            return !(this == WINDOW_ITEM || this == STAFF_ITEM) || measure.startsWith("rating.");
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
