package org.hcp.reporting.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hcp.events.ChinaTime;
import org.hcp.events.FollowUpRated;

/**
 * A follow-up rating (追评) as the 整改满意率 figure needs it: counted on the day it was given, by the dimensions of the
 * case it follows up; satisfied at levels 4 and 5, as the service satisfaction rate (R4.1).
 */
public record FollowUpFact(String followUpId, Dimensions dimensions, LocalDate day, int level) implements Fact {

    public static FollowUpFact of(FollowUpRated f) {
        return new FollowUpFact(f.followUpId(), new Dimensions(f.regionCode(), f.institutionCode(), f.windowCode(),
                f.staffId(), null, f.itemCode(), f.channel().name()), f.ratedAt().atZone(ChinaTime.ZONE).toLocalDate(),
                f.level());
    }

    @Override
    public List<Contribution> contributions() {
        List<Contribution> out = new ArrayList<>(2);
        out.add(Contribution.of(dimensions, day, Measure.FOLLOW_UPS));
        if (level >= 4) {
            out.add(Contribution.of(dimensions, day, Measure.FOLLOW_UPS_SATISFIED));
        }
        return out;
    }
}
