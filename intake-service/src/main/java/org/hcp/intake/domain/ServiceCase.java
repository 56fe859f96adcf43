package org.hcp.intake.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hcp.events.CaseKind;
import org.hcp.events.CaseVisit;

/**
 * A completed case as intake knows it, with the rating slots already taken (R1.4): {@code case} for its one
 * rating, {@code visit:<id>} for a promised case's window visits, {@code chain} for a chain's overall rating.
 */
public record ServiceCase(
        String caseNumber,
        CaseKind kind,
        String itemCode,
        String institutionCode,
        String windowCode,
        String staffId,
        String platformCode,
        String regionCode,
        Instant completedAt,
        String batchId,
        String chainId,
        List<CaseVisit> visits,
        String evaluatorPseudonym,
        Instant supplementaryUntil,
        Set<String> takenSlots) {

    public static final String CASE_SLOT = "case";
    public static final String CHAIN_SLOT = "chain";

    public static String visitSlot(String visitId) {
        return "visit:" + visitId;
    }

    public ServiceCase {
        visits = visits == null ? List.of() : List.copyOf(visits);
        takenSlots = takenSlots == null ? Set.of() : Set.copyOf(takenSlots);
    }

    /** R1.4: a promised case with recorded visits is rated per visit; every other case once. */
    public boolean ratedPerVisit() {
        return kind == CaseKind.PROMISED && !visits.isEmpty();
    }

    /** Where the case (or its visit {@code visitId}, when given) was handled: the visit's window, else the case's. */
    public String windowOf(String visitId) {
        return visit(visitId).map(v -> v.windowCode() != null ? v.windowCode() : windowCode).orElse(windowCode);
    }

    /** Who served the case (or its visit {@code visitId}, when given). */
    public String staffOf(String visitId) {
        return visit(visitId).map(v -> v.staffId() != null ? v.staffId() : staffId).orElse(staffId);
    }

    private Optional<CaseVisit> visit(String visitId) {
        return visitId == null ? Optional.empty()
                : visits.stream().filter(v -> v.visitId().equals(visitId)).findFirst();
    }

    public boolean isRated() {
        return !takenSlots.isEmpty();
    }

    /** The case after a rating took {@code slot} (R1.4): what the next decision in the same transaction sees. */
    public ServiceCase withSlot(String slot) {
        java.util.Set<String> slots = new java.util.HashSet<>(takenSlots);
        slots.add(slot);
        return new ServiceCase(caseNumber, kind, itemCode, institutionCode, windowCode, staffId, platformCode,
                regionCode, completedAt, batchId, chainId, visits, evaluatorPseudonym, supplementaryUntil, slots);
    }
}
