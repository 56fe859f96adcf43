package org.hcp.reporting.domain;

import java.time.LocalDate;
import java.util.List;
import org.hcp.events.CaseCompleted;
import org.hcp.events.ChinaTime;

/**
 * A case as coverage needs it (R4.1): when it was completed, and how many adopted ratings its evaluator gave it. Its
 * rating and its completion come on different topics, in either order; the counts only depend on the state.
 *
 * @param completedDay     null until the case's CaseCompleted is read
 * @param evaluatorRatings adopted ratings by the evaluator (not defaults)
 */
public record CaseFact(String caseNumber, Dimensions dimensions, LocalDate completedDay, int evaluatorRatings)
        implements Fact {

    /** A case known only from a rating so far. */
    public static CaseFact rated(RatingFact rating) {
        Dimensions d = rating.dimensions();
        return new CaseFact(rating.caseNumber(), new Dimensions(d.regionCode(), d.institutionCode(), d.windowCode(),
                d.staffId(), d.platformCode(), d.itemCode(), null), null, 0);
    }

    /** The first completion counts; a redelivered or repeated one changes nothing. */
    public CaseFact completed(CaseCompleted c) {
        if (completedDay != null) {
            return this;
        }
        return new CaseFact(caseNumber, new Dimensions(c.regionCode(), c.institutionCode(), c.windowCode(),
                c.staffId(), c.platformCode(), c.itemCode(), null),
                c.completedAt().atZone(ChinaTime.ZONE).toLocalDate(), evaluatorRatings);
    }

    public CaseFact withEvaluatorRatings(int delta) {
        return new CaseFact(caseNumber, dimensions, completedDay, evaluatorRatings + delta);
    }

    @Override
    public List<Contribution> contributions() {
        if (completedDay == null) {
            return List.of();
        }
        Contribution completed = Contribution.of(dimensions, completedDay, Measure.CASES_COMPLETED);
        return evaluatorRatings > 0
                ? List.of(completed, Contribution.of(dimensions, completedDay, Measure.CASES_RATED))
                : List.of(completed);
    }
}
