package org.hcp.events.policy;

/**
 * R4.4: units ranked at the bottom repeatedly are warned. A unit is listed when it ranked among the last
 * {@code bottomN} of its scope in each of {@code consecutiveMonths} months in a row (docs/figures.md, "Fair ranking").
 * No policy text gives the numbers; the national default is this project's.
 */
public record RankingWarning(int bottomN, int consecutiveMonths) {

    public RankingWarning {
        if (bottomN < 1 || consecutiveMonths < 1 || consecutiveMonths > 24) {
            throw new IllegalArgumentException("rankingWarning needs bottomN >= 1 and consecutiveMonths 1..24");
        }
    }
}
