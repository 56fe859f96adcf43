package org.hcp.reporting.domain;

import java.time.LocalDate;
import java.util.List;
import org.hcp.events.ChinaTime;
import org.hcp.events.EventPayload;
import org.hcp.events.appeal.AppealDecided;
import org.hcp.events.appeal.AppealFiled;
import org.hcp.events.appeal.AppealOutcome;

/**
 * An appeal as R4.1 counts it: filed on its filing day, and whether it was upheld. Appeals name no window, staff or
 * item, so they count under region and institution only.
 */
public record AppealFact(String appealId, Dimensions dimensions, LocalDate day, boolean upheld) implements Fact {

    public static AppealFact evolve(AppealFact fact, EventPayload event) {
        if (event instanceof AppealFiled f) {
            return fact != null ? fact : new AppealFact(f.appealId(),
                    new Dimensions(f.regionCode(), f.institutionCode(), null, null, null, null, null),
                    f.filedAt().atZone(ChinaTime.ZONE).toLocalDate(), false);
        }
        if (fact != null && event instanceof AppealDecided d) {
            return new AppealFact(fact.appealId, fact.dimensions, fact.day, d.outcome() == AppealOutcome.UPHELD);
        }
        return fact;
    }

    @Override
    public List<Contribution> contributions() {
        Contribution filed = Contribution.of(dimensions, day, Measure.APPEALS_FILED);
        return upheld ? List.of(filed, Contribution.of(dimensions, day, Measure.APPEALS_UPHELD)) : List.of(filed);
    }
}
