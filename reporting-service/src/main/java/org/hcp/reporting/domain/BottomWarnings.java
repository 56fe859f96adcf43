package org.hcp.reporting.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hcp.events.policy.RankingWarning;

/**
 * R4.4: the units to warn: ranked among the last {@code bottomN} of their scope in every one of the
 * {@code consecutiveMonths} months, by the fair ranking ({@link FairRanking}).
 */
public final class BottomWarnings {

    private BottomWarnings() {
    }

    /**
     * @param unit  the unit's code
     * @param ranks its rank in each month, oldest first
     * @param of    how many units were ranked in each month
     */
    public record Warned(String unit, List<Integer> ranks, List<Integer> of) {
    }

    /**
     * {@code months} holds one ranking per month, oldest first; fewer months than the policy asks warn nobody. Only the
     * ranked count: a unit with too few ratings in a month (rank 0) is not at the bottom of it.
     */
    public static List<Warned> of(List<List<FairRanking.Ranked>> months, RankingWarning policy) {
        if (months.size() < policy.consecutiveMonths()) {
            return List.of();
        }
        List<List<FairRanking.Ranked>> window = months.subList(months.size() - policy.consecutiveMonths(),
                months.size()).stream().map(m -> m.stream().filter(FairRanking.Ranked::isRanked).toList()).toList();
        Set<String> candidates = null;
        List<Map<String, Integer>> ranks = new ArrayList<>();
        for (List<FairRanking.Ranked> month : window) {
            Map<String, Integer> rankOf = new HashMap<>();
            month.forEach(r -> rankOf.put(r.unit(), r.rank()));
            ranks.add(rankOf);
            Set<String> bottom = new LinkedHashSet<>();
            month.subList(Math.max(0, month.size() - policy.bottomN()), month.size())
                    .forEach(r -> bottom.add(r.unit()));
            if (candidates == null) {
                candidates = bottom;
            } else {
                candidates.retainAll(bottom);
            }
        }
        List<Warned> warned = new ArrayList<>();
        for (String unit : candidates) {
            warned.add(new Warned(unit, ranks.stream().map(m -> m.get(unit)).toList(),
                    window.stream().map(List::size).toList()));
        }
        warned.sort((a, b) -> Integer.compare(b.ranks().get(b.ranks().size() - 1),
                a.ranks().get(a.ranks().size() - 1)));
        return warned;
    }
}
