package org.hcp.reporting.domain;

import java.util.List;

/** A rating, case, rectification or appeal as statistics keep it: its counts are a pure function of its state. */
public interface Fact {

    List<Contribution> contributions();

    /** What the counters gain or lose when {@code before} (null: not known yet) becomes {@code after}. */
    static List<Contribution> change(Fact before, Fact after) {
        return Contribution.change(before == null ? List.of() : before.contributions(), after.contributions());
    }
}
