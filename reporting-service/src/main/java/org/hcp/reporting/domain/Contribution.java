package org.hcp.reporting.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one fact adds to one counter: {@code n} of {@code measure} on {@code day}, under every dimension it has a
 * member for. A fact's contributions are a pure function of its state; when the state changes the aggregates receive
 * the difference, so any order of events that ends in the same state ends in the same counts.
 */
public record Contribution(Dimensions dimensions, LocalDate day, String measure, long n) {

    public static Contribution of(Dimensions dimensions, LocalDate day, String measure) {
        return new Contribution(dimensions, day, measure, 1);
    }

    public Contribution negated() {
        return new Contribution(dimensions, day, measure, -n);
    }

    /** What turns {@code before}'s contributions into {@code after}'s; empty when they are the same. */
    public static List<Contribution> change(List<Contribution> before, List<Contribution> after) {
        Map<Contribution, Long> net = new HashMap<>();
        for (Contribution c : after) {
            net.merge(c.withN(1), c.n(), Long::sum);
        }
        for (Contribution c : before) {
            net.merge(c.withN(1), -c.n(), Long::sum);
        }
        List<Contribution> change = new ArrayList<>();
        net.forEach((key, n) -> {
            if (n != 0) {
                change.add(key.withN(n));
            }
        });
        return change;
    }

    private Contribution withN(long count) {
        return new Contribution(dimensions, day, measure, count);
    }
}
