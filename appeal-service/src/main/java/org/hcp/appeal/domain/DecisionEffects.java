package org.hcp.appeal.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hcp.appeal.domain.AppealDecider.RatedCase;
import org.hcp.events.EventPayload;
import org.hcp.events.appeal.AppealDecided;
import org.hcp.events.appeal.AppealOutcome;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.appeal.RatingReinstated;
import org.hcp.events.policy.JurisdictionPolicy;

/**
 * What a decision on a rating leaves besides its events (R3.4), as pure functions of the events and the policy, so a
 * rebuild from the log leaves the same: the notices to the appellant and to the registering department, and under a
 * policy that keeps them (TA) the malicious evaluator's credit record, which holds the pseudonym and the decision,
 * never the identity.
 */
public final class DecisionEffects {

    private DecisionEffects() {
    }

    /** Who a notice is for. */
    public enum Recipient {
        /** The institution that appealed, through which the staff member or platform appealed (R3.1). */
        APPELLANT,
        /** The department that registered the rating (JE: 反馈评价登记部门). */
        REGISTERING_DEPARTMENT
    }

    /**
     * A notice of a decision, readable by the institution it is addressed to.
     *
     * @param id       stable: the decision event's id and the addressee
     * @param decision UPHELD, REJECTED or REINSTATED
     */
    public record Notice(String id, String ratingId, String appealId, String caseNumber, String addressee,
            List<Recipient> recipients, String regionCode, String decision, boolean malicious, String reason,
            Instant issuedAt) {
    }

    /**
     * R3.4 (TA): a malicious evaluator's credit record.
     *
     * @param withdrawnAt when a later decision reinstated the rating; the record is kept, marked
     */
    public record CreditRecord(String ratingId, String evaluatorPseudonym, String regionCode, String decisionId,
            String reason, Instant decidedAt, Instant withdrawnAt) {
    }

    /** The notices an appeal's decision events give; {@code eventId} is the id of the event they answer. */
    public static List<Notice> notices(RatedCase rating, AppealState appeal, EventPayload event, String eventId) {
        String decision;
        boolean malicious = false;
        String reason;
        Instant at;
        if (event instanceof AppealDecided d) {
            decision = d.outcome().name();
            malicious = d.outcome() == AppealOutcome.UPHELD && d.malicious();
            reason = d.reason();
            at = d.decidedAt();
        } else if (event instanceof RatingReinstated r) {
            decision = "REINSTATED";
            reason = r.reason();
            at = r.decidedAt();
        } else {
            return List.of();
        }
        Set<String> addressees = new LinkedHashSet<>();
        addressees.add(appeal.filed().institutionCode());
        addressees.add(rating.registeredBy());
        List<Notice> notices = new ArrayList<>();
        for (String addressee : addressees) {
            List<Recipient> as = new ArrayList<>();
            if (addressee.equals(appeal.filed().institutionCode())) {
                as.add(Recipient.APPELLANT);
            }
            if (addressee.equals(rating.registeredBy())) {
                as.add(Recipient.REGISTERING_DEPARTMENT);
            }
            notices.add(new Notice(eventId + ":" + addressee, rating.ratingId(), appeal.filed().appealId(),
                    rating.caseNumber(), addressee, as, rating.regionCode(), decision, malicious, reason, at));
        }
        return notices;
    }

    /**
     * R3.4 (TA): the credit record a rating found malicious leaves, when the policy keeps them and the evaluator is
     * known by a pseudonym; empty otherwise.
     */
    public static List<CreditRecord> creditRecords(String evaluatorPseudonym, String regionCode, RatingNotAdopted e,
            JurisdictionPolicy policy) {
        if (!e.malicious() || evaluatorPseudonym == null
                || !Boolean.TRUE.equals(policy.maliciousEvaluatorCreditRecord())) {
            return List.of();
        }
        return List.of(new CreditRecord(e.ratingId(), evaluatorPseudonym, regionCode, e.decisionId(), e.reason(),
                e.decidedAt(), null));
    }
}
