package org.hcp.intake.domain;

import java.util.List;

/**
 * What the rating decision needs to know: the case rated, and the other cases its rating also applies to (R1.5
 * batch members, R1.6 chain members), each with its taken slots. Both lists include the case itself.
 */
public record CaseState(ServiceCase target, List<ServiceCase> batch, List<ServiceCase> chain) {

    public CaseState {
        batch = batch == null ? List.of(target) : List.copyOf(batch);
        chain = chain == null ? List.of(target) : List.copyOf(chain);
    }

    public static CaseState single(ServiceCase target) {
        return new CaseState(target, List.of(target), List.of(target));
    }
}
