package org.hcp.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hcp.reporting.domain.FairRanking.Cell;
import org.hcp.reporting.domain.FairRanking.Ranked;
import org.junit.jupiter.api.Test;

/** R4.4 / R4.5, with the worked example of docs/figures.md, "Fair ranking". */
class FairRankingTest {

    // Given an easy item E and a hard item H, and four units:
    private static final List<Cell> EXAMPLE = List.of(
            new Cell("A", "E", 100, 90),
            new Cell("B", "H", 100, 60),
            new Cell("C", "E", 3, 3),
            new Cell("D", "E", 900, 810),
            new Cell("D", "H", 400, 240));

    private static Map<String, Ranked> byUnit(List<Ranked> ranked) {
        return ranked.stream().collect(Collectors.toMap(Ranked::unit, Function.identity()));
    }

    @Test
    void r4_5_aUnitDoingHardItemsAsWellAsOthersDoIsIndexedAsHighAsThem() {
        Map<String, Ranked> r = byUnit(FairRanking.rank(EXAMPLE, 1));
        assertEquals(0.6, r.get("B").rawRate());
        assertEquals(0.6, r.get("B").expectedRate(), "H's rate across the scope is 300/500");
        assertEquals(0.8004, r.get("B").index(), "the scope's rate: B does H exactly as well as everyone");
        assertEquals(0.8001, r.get("A").index());
        assertEquals(0.9003, r.get("A").expectedRate(), "E's rate across the scope is 903/1003");
        assertEquals(0.8002, r.get("D").index());
    }

    @Test
    void r4_5_threeRatingsNeverOutrankAThousandAndTheIntervalSaysWhy() {
        List<Ranked> ranked = FairRanking.rank(EXAMPLE, 1);
        assertEquals(List.of("D", "A", "B", "C"), ranked.stream().map(Ranked::unit).toList());
        assertEquals(List.of(1, 2, 3, 4), ranked.stream().map(Ranked::rank).toList());
        Ranked c = byUnit(ranked).get("C");
        assertEquals(1.0, c.rawRate());
        assertEquals(0.889, c.index(), "the best index of all ...");
        assertEquals(0.3898, c.lower(), "... with the widest interval");
        assertEquals(0.889, c.upper());
        Ranked d = byUnit(ranked).get("D");
        assertEquals(0.7781, d.lower());
        assertEquals(0.8205, d.upper());
    }

    @Test
    void r4_5_nothingRatedRanksNobody() {
        assertEquals(List.of(), FairRanking.rank(List.of(), 1));
        assertEquals(List.of(), FairRanking.rank(List.of(new Cell("A", "E", 0, 0)), 1));
    }

    @Test
    void r4_4_aUnitBelowTheMinimumSampleIsListedNotRanked() {
        // Given the example and a unit E with one bad rating, when ranked with a minimum sample of 10:
        List<Cell> cells = new java.util.ArrayList<>(EXAMPLE);
        cells.add(new Cell("E", "E", 1, 0));
        List<Ranked> ranked = FairRanking.rank(cells, 10);
        // then C (3 ratings) and E (1) are listed after the ranked units with rank 0, most ratings first,
        assertEquals(List.of("D", "A", "B", "C", "E"), ranked.stream().map(Ranked::unit).toList());
        assertEquals(List.of(1, 2, 3, 0, 0), ranked.stream().map(Ranked::rank).toList());
        assertEquals(false, byUnit(ranked).get("E").isRanked());
        // and the ranked units' indices are what the whole scope's per-item rates make them, E's ratings included.
        assertEquals(byUnit(FairRanking.rank(cells, 1)).get("B").index(), byUnit(ranked).get("B").index());
    }
}
