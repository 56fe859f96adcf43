package org.hcp.events;

/**
 * National code mappings (R5.4, R5.5). The two national satisfaction codes run in opposite directions,
 * so each is an explicit, tested function of our level (5 = very satisfied), never assumed.
 */
public final class NationalCodes {

    private NationalCodes() {
    }

    /** R5.4, GB/T 39046 appendix A.8 满意度代码: 1 = 非常满意 … 5 = 非常不满意. */
    public static int gbt39046SatisfactionCode(int level) {
        requireLevel(level);
        return 6 - level;
    }

    /** R5.5, provincial push {@code satisfaction}: 1 = 非常不满意 … 5 = 非常满意. */
    public static int pushSatisfaction(int level) {
        requireLevel(level);
        return level;
    }

    /** R5.5 {@code assessNumber}: 1 first rating, 2 follow-up (supplementary, R1.7). */
    public static int assessNumber(boolean followUp) {
        return followUp ? 2 : 1;
    }

    private static void requireLevel(int level) {
        if (!RatingLevel.isValid(level)) {
            throw new IllegalArgumentException("rating level must be 1..5, was " + level);
        }
    }
}
