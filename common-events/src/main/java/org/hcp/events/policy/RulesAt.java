package org.hcp.events.policy;

import java.time.Instant;
import java.util.function.Function;

/**
 * The rules a term is counted with: the policy in force for one region when the term started, with the calendar as
 * loaded now. Re-dating counts each term again from its own start (docs/rules.md, "When each term starts").
 */
@FunctionalInterface
public interface RulesAt {

    JurisdictionRules at(Instant start);

    /** When the policy's {@code term} (as in force at {@code start}) ends, counted from {@code start}; null if none. */
    default Deadline after(Function<JurisdictionPolicy, Term> term, Instant start) {
        JurisdictionRules rules = at(start);
        return rules.after(term.apply(rules.policy()), start);
    }
}
