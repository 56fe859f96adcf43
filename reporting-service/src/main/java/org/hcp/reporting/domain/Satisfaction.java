package org.hcp.reporting.domain;

import java.util.Map;
import java.util.TreeMap;
import org.hcp.events.RatingLevel;

/**
 * R4.1 figures from counts per level: good (3-5) and bad (1-2) reviews (R1.1), and the satisfaction rate
 * 服务满意率 = good / all rated, null when nothing was rated (no rate is not a rate of zero).
 */
public record Satisfaction(Map<Integer, Long> byLevel, long total, long good, long bad, Double satisfactionRate) {

    public static Satisfaction of(Map<Integer, Long> counts) {
        Map<Integer, Long> byLevel = new TreeMap<>();
        long good = 0;
        long bad = 0;
        for (int level = RatingLevel.MIN; level <= RatingLevel.MAX; level++) {
            long count = counts.getOrDefault(level, 0L);
            byLevel.put(level, count);
            if (RatingLevel.isBad(level)) {
                bad += count;
            } else {
                good += count;
            }
        }
        long total = good + bad;
        Double rate = total == 0 ? null : Math.round(good * 10_000.0 / total) / 10_000.0;
        return new Satisfaction(byLevel, total, good, bad, rate);
    }
}
