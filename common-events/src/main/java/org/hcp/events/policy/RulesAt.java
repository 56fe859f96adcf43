package org.hcp.events.policy;

import java.time.Instant;

/**
 * The rules a term is counted with: the policy in force for one region when the term started, with the calendar as
 * loaded now. Re-dating counts each term again from its own start (docs/rules.md, "When each term starts").
 */
@FunctionalInterface
public interface RulesAt {

    JurisdictionRules at(Instant start);
}
