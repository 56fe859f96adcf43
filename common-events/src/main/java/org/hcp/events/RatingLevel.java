package org.hcp.events;

/**
 * R1.1: five levels, 5 very satisfied … 1 very dissatisfied; 3–5 are good, 1–2 are bad reviews.
 * A level is held as an int (1–5) everywhere; this class says what it means.
 */
public final class RatingLevel {

    public static final int MIN = 1;
    public static final int MAX = 5;

    private static final String[] SATISFACTION_LABELS = {"非常不满意", "不满意", "基本满意", "满意", "非常满意"};
    private static final String[] QUALITY_LABELS = {"很差", "差", "一般", "好", "很好"};

    private static final String[] SATISFACTION_ENGLISH = {"Very dissatisfied", "Dissatisfied", "Basically satisfied",
            "Satisfied", "Very satisfied"};
    private static final String[] QUALITY_ENGLISH = {"Very poor", "Poor", "Fair", "Good", "Very good"};
    /** A jurisdiction policy's {@code levelLabels}: which of R1.1's two label sets its evaluators see. */
    public static final String QUALITY = "QUALITY";

    private RatingLevel() {
    }

    public static boolean isValid(int level) {
        return level >= MIN && level <= MAX;
    }

    /** R1.1: levels 1 and 2 are bad reviews (差评). */
    public static boolean isBad(int level) {
        requireValid(level);
        return level <= 2;
    }

    /** R1.1: 非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意. */
    public static String satisfactionLabel(int level) {
        requireValid(level);
        return SATISFACTION_LABELS[level - 1];
    }

    /** R1.1: the State Council's alternative labels 很好 / 好 / 一般 / 差 / 很差 for the same five levels. */
    public static String qualityLabel(int level) {
        requireValid(level);
        return QUALITY_LABELS[level - 1];
    }

    /** The label an evaluator reads for {@code level} under a policy's label set (R1.1), in Chinese or English. */
    public static String label(String labelSet, int level, boolean english) {
        requireValid(level);
        boolean quality = QUALITY.equals(labelSet);
        if (english) {
            return (quality ? QUALITY_ENGLISH : SATISFACTION_ENGLISH)[level - 1];
        }
        return quality ? qualityLabel(level) : satisfactionLabel(level);
    }

    private static void requireValid(int level) {
        if (!isValid(level)) {
            throw new IllegalArgumentException("rating level must be 1..5, was " + level);
        }
    }
}
