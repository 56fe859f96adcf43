package org.hcp.kit.rebuild;

import org.hcp.events.outcome.Outcome;

/**
 * A service whose read model can be rebuilt from the log and put in place (docs/architecture.md, "Reading"):
 * {@code POST /api/v1/admin/rebuild} and {@code ./hcp rebuild}. The report says what was replayed and how many rows
 * differed from the live tables (0 when healthy); a conflict while another rebuild runs.
 */
public interface Rebuild {

    Outcome<?> rebuild();
}
