package org.hcp.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * CaseCompleted v1: a business system reported that a case (办件) was completed. Coverage and the unrated rate
 * (R4.1, R4.1a) and default ratings (R1.9) are computed from these; R5.5: the case is registered before its rating.
 * Keyed by case number on {@link Topics#CASES}. No personal data: the evaluator is a keyed pseudonym, and their
 * contact details stay encrypted in intake's database (R1.10).
 *
 * @param caseNumber         办件编号 (an..50)
 * @param caseKind           R1.4 / R5.4 appendix A.6
 * @param batchId            R1.5: cases of the same item submitted at one window in one go share it
 * @param chainId            R1.6: the cases of one theme / chain (一链办) share it
 * @param visits             R1.4: the window visits of a promised case
 * @param policyRegion       the region whose policy applied, and the deadlines computed from it (R1.9)
 * @param reminderDueAt      R1.9: when an unrated case gets a reminder; null when the policy sends none
 * @param defaultRatingDueAt R1.9: when an unrated case gets its default rating; null when the policy has none
 * @param deadlinesProvisional true when a year without an official calendar was counted on weekends only
 */
public record CaseCompleted(
        @JsonProperty(required = true) String caseNumber,
        @JsonProperty(required = true) CaseKind caseKind,
        @JsonProperty(required = true) String itemCode,
        @JsonProperty(required = true) String institutionCode,
        String windowCode,
        String staffId,
        String platformCode,
        @JsonProperty(required = true) String regionCode,
        Instant acceptedAt,
        @JsonProperty(required = true) Instant completedAt,
        String batchId,
        String chainId,
        List<CaseVisit> visits,
        EvaluatorType evaluatorType,
        String evaluatorPseudonym,
        boolean evaluatorContactable,
        String policyRegion,
        Instant reminderDueAt,
        Instant defaultRatingDueAt,
        boolean deadlinesProvisional) implements EventPayload {

    public CaseCompleted {
        visits = visits == null ? List.of() : List.copyOf(visits);
    }
}
