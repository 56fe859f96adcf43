package org.hcp.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.hcp.events.policy.RankingWarning;
import org.junit.jupiter.api.Test;

/** R4.4: warned are the units at the bottom in every one of the policy's consecutive months. */
class BottomWarningsTest {

    private static List<FairRanking.Ranked> month(String... unitsBestFirst) {
        List<FairRanking.Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < unitsBestFirst.length; i++) {
            ranked.add(new FairRanking.Ranked(i + 1, unitsBestFirst[i], null, 100, 80, 0.8, 0.8, 0.8, 0.7, 0.9));
        }
        return ranked;
    }

    @Test
    void r4_4_aUnitInTheLastTwoOfThreeMonthsRunningIsWarned() {
        RankingWarning policy = new RankingWarning(2, 3);
        // Given D and E in the last two of each of the last three months, and C last only the month before those
        List<List<FairRanking.Ranked>> months = List.of(
                month("A", "B", "D", "E", "C"),
                month("A", "B", "C", "D", "E"),
                month("A", "B", "C", "E", "D"),
                month("C", "A", "B", "D", "E"));
        List<BottomWarnings.Warned> warned = BottomWarnings.of(months, policy);
        assertEquals(List.of("E", "D"), warned.stream().map(BottomWarnings.Warned::unit).toList(),
                "the last month's worst first");
        assertEquals(List.of(5, 4, 5), warned.get(0).ranks());
        assertEquals(List.of(5, 5, 5), warned.get(0).of());
    }

    @Test
    void r4_4_onlyTheLastMonthsCountAndTooFewMonthsWarnNobody() {
        RankingWarning policy = new RankingWarning(1, 2);
        assertEquals(List.of(), BottomWarnings.of(List.of(month("A", "B")), policy));
        List<BottomWarnings.Warned> warned = BottomWarnings.of(List.of(month("B", "A"), month("A", "B"),
                month("A", "B")), policy);
        assertEquals(List.of("B"), warned.stream().map(BottomWarnings.Warned::unit).toList());
    }

    @Test
    void r4_4_aUnitNotRankedInOneOfTheMonthsIsNotWarned() {
        List<BottomWarnings.Warned> warned = BottomWarnings.of(List.of(month("A", "B", "C"), month("A", "B")),
                new RankingWarning(1, 2));
        assertEquals(List.of(), warned);
    }

    @Test
    void r4_4_aUnitWithTooFewRatingsIsNotAtTheBottom() {
        // Given C listed after B each month with too few ratings to be ranked (rank 0)
        List<List<FairRanking.Ranked>> months = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<FairRanking.Ranked> m = new ArrayList<>(month("A", "B"));
            m.add(new FairRanking.Ranked(0, "C", null, 1, 0, 0, 0.8, 0, 0, 0.79));
            months.add(m);
        }
        // then the last ranked, B, is warned, out of the two ranked units, and C is not
        List<BottomWarnings.Warned> warned = BottomWarnings.of(months, new RankingWarning(1, 2));
        assertEquals(List.of("B"), warned.stream().map(BottomWarnings.Warned::unit).toList());
        assertEquals(List.of(2, 2), warned.get(0).of());
    }
}
