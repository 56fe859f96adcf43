package org.hcp.reporting.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hcp.events.ChinaTime;
import org.hcp.events.EventPayload;
import org.hcp.events.rectification.CallbackRecorded;
import org.hcp.events.rectification.CallbackResult;
import org.hcp.events.rectification.RectificationClosed;
import org.hcp.events.rectification.RectificationOpened;
import org.hcp.events.rectification.RectificationResumed;
import org.hcp.events.rectification.RectificationWithdrawn;

/**
 * A rectification as the R4.1 figures need it, counted on its bad review's day: whether it is withdrawn (its rating
 * not adopted, R3.4: then it counts nowhere), closed, closed on time, for a real-name evaluator, and whether a
 * callback reached that evaluator (R2.5).
 */
public record RectificationFact(String rectificationId, Dimensions dimensions, LocalDate day, boolean realName,
        boolean withdrawn, boolean closed, boolean onTime, boolean calledBack) implements Fact {

    public static RectificationFact opened(RectificationOpened o) {
        return new RectificationFact(o.rectificationId(), new Dimensions(o.regionCode(), o.institutionCode(),
                o.windowCode(), o.staffId(), null, o.itemCode(), o.channel().name()),
                o.ratedAt().atZone(ChinaTime.ZONE).toLocalDate(), o.realName(), false, false, false, false);
    }

    /** The state after {@code event}; a fact not opened yet ({@code null}) stays so until its RectificationOpened. */
    public static RectificationFact evolve(RectificationFact fact, EventPayload event) {
        if (event instanceof RectificationOpened o) {
            return fact != null ? fact : opened(o);
        }
        if (fact == null) {
            return null;
        }
        if (event instanceof RectificationWithdrawn) {
            return fact.with(true, fact.closed, fact.onTime, fact.calledBack);
        }
        if (event instanceof RectificationResumed) {
            return fact.with(false, fact.closed, fact.onTime, fact.calledBack);
        }
        if (event instanceof RectificationClosed c) {
            return fact.with(fact.withdrawn, true, c.onTime(), fact.calledBack);
        }
        if (event instanceof CallbackRecorded c && c.result() == CallbackResult.REACHED) {
            return fact.with(fact.withdrawn, fact.closed, fact.onTime, true);
        }
        return fact;
    }

    private RectificationFact with(boolean isWithdrawn, boolean isClosed, boolean isOnTime, boolean isCalledBack) {
        return new RectificationFact(rectificationId, dimensions, day, realName, isWithdrawn, isClosed, isOnTime,
                isCalledBack);
    }

    @Override
    public List<Contribution> contributions() {
        if (withdrawn) {
            return List.of();
        }
        List<Contribution> out = new ArrayList<>(5);
        out.add(Contribution.of(dimensions, day, Measure.RECTIFICATIONS));
        if (closed) {
            out.add(Contribution.of(dimensions, day, Measure.RECTIFIED));
            if (onTime) {
                out.add(Contribution.of(dimensions, day, Measure.RECTIFIED_ON_TIME));
            }
        }
        if (realName) {
            out.add(Contribution.of(dimensions, day, Measure.REAL_NAME));
            if (calledBack) {
                out.add(Contribution.of(dimensions, day, Measure.CALLED_BACK));
            }
        }
        return out;
    }
}
