package org.hcp.reporting.domain;

/**
 * Where a fact counts (R4.2): its region and institution always, and the window, staff member, platform, service item
 * and channel when the fact knows them (null when it does not).
 */
public record Dimensions(String regionCode, String institutionCode, String windowCode, String staffId,
        String platformCode, String itemCode, String channel) {

    /** The member of {@code dimension} this fact counts under; null when it does not count there. */
    public String member(Dimension dimension) {
        return switch (dimension) {
            case TOTAL -> "";
            case WINDOW -> windowCode;
            case STAFF -> staffId;
            case PLATFORM -> platformCode;
            case ITEM -> itemCode;
            case CHANNEL -> channel;
        };
    }

    /**
     * The dimensions the aggregates keep beside region and institution. Every fact counts under {@code TOTAL}; the
     * others are kept per month, and {@code TOTAL} and {@code CHANNEL} per day as well (docs/figures.md, "Where
     * figures are kept").
     */
    public enum Dimension {
        TOTAL(true), WINDOW(false), STAFF(false), PLATFORM(false), ITEM(false), CHANNEL(true);

        private final boolean daily;

        Dimension(boolean daily) {
            this.daily = daily;
        }

        public boolean daily() {
            return daily;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
