package org.hcp.intake.domain;

import java.time.Instant;
import java.util.List;

/**
 * What a business system reports when a case (办件) is completed: the body of {@code POST /api/v1/cases}.
 * Every field is nullable here; {@link CaseDecider} says which are required and why.
 *
 * @param caseKind  INSTANT (即办件), PROMISED (承诺件), ONLINE (全程网办) or SELF_SERVICE (自助办理) (R1.4)
 * @param regionCode optional: the institution's region when omitted
 * @param batchId   R1.5: the cases of one item submitted at one window in one go share it
 * @param chainId   R1.6: the cases of one theme / chain (一链办) share it
 * @param visits    R1.4: the window visits of a promised case, each rated once
 * @param evaluator who the case was for; personal data, encrypted at rest and never published (R1.10)
 */
public record ReportCase(
        String caseNumber,
        String caseKind,
        String itemCode,
        String institutionCode,
        String windowCode,
        String staffId,
        String platformCode,
        String regionCode,
        Instant acceptedAt,
        Instant completedAt,
        String batchId,
        String chainId,
        List<VisitInput> visits,
        EvaluatorContact evaluator) {

    public record VisitInput(String visitId, String windowCode, String staffId, Instant visitedAt) {
    }

    /**
     * The evaluator's identity and contact: {@code type} and {@code id} (account or certificate number) give the
     * pseudonym; {@code name} and {@code mobile} are kept only encrypted, for reminders and callbacks (R2.2, R2.5).
     */
    public record EvaluatorContact(String type, String id, String name, String mobile) {

        @Override
        public String toString() {
            return "EvaluatorContact[redacted]";
        }
    }
}
