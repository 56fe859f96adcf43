package org.hcp.reporting.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * R4.4 / R4.5: units (institutions, windows, staff) ranked fairly by satisfaction (levels 4–5 of adopted ratings).
 * Fair to the items a unit handles: its rate is indirectly standardised against the whole scope's rate for each item
 * (a unit doing mostly hard items is expected less). Fair to volume: units are ranked by the lower bound of a Wilson
 * score interval, so three ratings never outrank three thousand. A unit with fewer ratings than the policy's minimum
 * sample is listed after the ranked ones with rank 0 (样本不足): too few to judge, never placed last for one bad
 * review. docs/figures.md, "Fair ranking", has a worked example.
 */
public final class FairRanking {

    /** 95 % two-sided. */
    public static final double Z = 1.96;

    private FairRanking() {
    }

    /** One unit's ratings and satisfied ratings for one item. */
    public record Cell(String unit, String item, long ratings, long satisfied) {
    }

    /**
     * @param rank         1 = best; 0: fewer ratings than the minimum sample, not ranked (样本不足)
     * @param name         the unit's name in the directory as at the end of the period (R4.2); null until looked up
     * @param rawRate      satisfied / ratings
     * @param expectedRate what the scope's per-item rates predict for this unit's mix of items
     * @param index        the standardised rate: rawRate / expectedRate × the scope's rate
     * @param lower        lower bound of the index at {@link #Z}
     * @param upper        upper bound
     */
    public record Ranked(int rank, String unit, String name, long ratings, long satisfied, double rawRate,
            double expectedRate, double index, double lower, double upper) {

        public Ranked withName(String unitName) {
            return new Ranked(rank, unit, unitName, ratings, satisfied, rawRate, expectedRate, index, lower, upper);
        }

        /** False when the unit had too few ratings to be ranked. */
        public boolean isRanked() {
            return rank > 0;
        }
    }

    /**
     * Every unit of the cells, those with at least {@code minimumRatings} ranked best first, then the others with rank
     * 0, most ratings first. Every unit's ratings count in the scope's per-item rates all the same.
     */
    public static List<Ranked> rank(List<Cell> cells, int minimumRatings) {
        Map<String, long[]> perItem = new HashMap<>();
        long total = 0;
        long satisfied = 0;
        for (Cell c : cells) {
            long[] t = perItem.computeIfAbsent(c.item(), i -> new long[2]);
            t[0] += c.ratings();
            t[1] += c.satisfied();
            total += c.ratings();
            satisfied += c.satisfied();
        }
        if (total == 0) {
            return List.of();
        }
        double scopeRate = satisfied / (double) total;
        Map<String, double[]> units = new HashMap<>();
        for (Cell c : cells) {
            long[] t = perItem.get(c.item());
            double itemRate = t[1] / (double) t[0];
            double[] u = units.computeIfAbsent(c.unit(), k -> new double[3]);
            u[0] += c.ratings();
            u[1] += c.satisfied();
            u[2] += c.ratings() * itemRate;
        }
        List<Ranked> out = new ArrayList<>();
        units.forEach((unit, u) -> {
            long n = (long) u[0];
            if (n == 0) {
                return;
            }
            double raw = u[1] / n;
            double expected = u[2] / n;
            // Every item's rate is 0 (nobody satisfied anywhere): nothing to standardise against; the raw rate stands.
            double scale = expected == 0 ? 1 : scopeRate / expected;
            double[] wilson = wilson(u[1], n);
            out.add(new Ranked(0, unit, null, n, (long) u[1], round(raw), round(expected), round(raw * scale),
                    round(wilson[0] * scale), round(wilson[1] * scale)));
        });
        List<Ranked> tooFew = new ArrayList<>(out.stream().filter(r -> r.ratings() < minimumRatings).toList());
        out.removeAll(tooFew);
        out.sort(Comparator.comparingDouble(Ranked::lower).reversed()
                .thenComparing(Comparator.comparingLong(Ranked::ratings).reversed())
                .thenComparing(Ranked::unit));
        tooFew.sort(Comparator.comparingLong(Ranked::ratings).reversed().thenComparing(Ranked::unit));
        List<Ranked> ranked = new ArrayList<>(out.size() + tooFew.size());
        for (int i = 0; i < out.size(); i++) {
            Ranked r = out.get(i);
            ranked.add(new Ranked(i + 1, r.unit(), null, r.ratings(), r.satisfied(), r.rawRate(), r.expectedRate(),
                    r.index(), r.lower(), r.upper()));
        }
        ranked.addAll(tooFew);
        return ranked;
    }

    /** Wilson score interval of {@code successes} out of {@code n}. */
    static double[] wilson(double successes, long n) {
        double p = successes / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}
