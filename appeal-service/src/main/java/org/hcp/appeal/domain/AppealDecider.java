package org.hcp.appeal.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hcp.events.EventPayload;
import org.hcp.events.RatingOrigin;
import org.hcp.events.appeal.AppealDecided;
import org.hcp.events.appeal.AppealEvidenceAdded;
import org.hcp.events.appeal.AppealFiled;
import org.hcp.events.appeal.AppealOutcome;
import org.hcp.events.appeal.AppealOverdue;
import org.hcp.events.appeal.AppealRedated;
import org.hcp.events.appeal.AppealVerified;
import org.hcp.events.appeal.Appellant;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.appeal.RatingReinstated;
import org.hcp.events.appeal.VerificationMethod;
import org.hcp.events.outcome.Outcome;
import org.hcp.events.outcome.Text;
import org.hcp.events.outcome.Violation;
import org.hcp.events.policy.Deadline;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.events.policy.JurisdictionRules;
import org.hcp.events.policy.RulesAt;

/**
 * The rules of R3 as pure functions: a command, the appeal as it stands, the rating it is about, the jurisdiction's
 * policy, the working calendar and the time give the events to record, or why not. Nothing here reads a clock or a
 * database.
 */
public final class AppealDecider {

    private AppealDecider() {
    }

    /**
     * What appeal-service knows of a rating from hcp.ratings; no evaluator identity.
     *
     * @param receivedAt         when intake recorded it: the unit received the bad review then, and the window counts
     *                           from it
     * @param registeredBy       R3.4's registering department: the platform the rating came through when the channel
     *                           names one (the 12345 hotline, the online platform), else the institution that handled
     *                           the case, whose window or hall recorded it
     * @param evaluatorPseudonym the keyed pseudonym intake published, null for an anonymous rating (R3.4 TA: a
     *                           malicious evaluator's credit record holds it, never the identity)
     */
    public record RatedCase(String ratingId, String caseNumber, int level, RatingOrigin origin, String institutionCode,
            String regionCode, Instant receivedAt, String registeredBy, String evaluatorPseudonym) {
    }

    /** R3.1: a level 1 or 2 rating an evaluator gave; a system default is nobody's review to appeal. */
    public static boolean isAppealable(RatedCase rating) {
        return Appeals.isAppealable(rating.level(), rating.origin());
    }

    /**
     * R3.1, R3.2: the rated party appeals with its grounds, within the policy's working days of receiving the bad
     * review; one open appeal per rating, and a decided one is reopened only by a later decision.
     */
    public static Outcome<List<EventPayload>> file(RatedCase rating, AppealState current, String appealId,
            Appellant appellant, String grounds, String by, Instant now, JurisdictionRules rules) {
        List<Violation> errors = new ArrayList<>();
        if (appellant == null) {
            errors.add(Violation.of("/appellant", "field.required"));
        }
        if (grounds == null || grounds.isBlank()) {
            errors.add(Violation.of("/grounds", "field.required"));
        }
        if (!errors.isEmpty()) {
            return Outcome.rejected(errors);
        }
        if (!isAppealable(rating)) {
            return conflict("appeal-not-appealable", Text.of("appeal.notAppealable"),
                    "rating " + rating.ratingId() + " is not a bad review an evaluator gave");
        }
        if (current != null) {
            return current.open()
                    ? conflict("appeal-open", Text.of("appeal.openAlready"), "rating " + rating.ratingId()
                            + " has an open appeal already")
                    : conflict("appeal-decided", Text.of("appeal.decidedAlready"), "the appeal on rating "
                            + rating.ratingId() + " was decided " + current.outcome());
        }
        Deadline window = appealWindow(rating, rules);
        if (window != null && now.isAfter(window.at())) {
            return conflict("appeal-late", Text.of("appeal.late", rules.policy().appealWindow(), window.at()),
                    "the window to appeal rating " + rating.ratingId() + " closed at " + window.at());
        }
        Deadline decision = rules.after(rules.policy().appealDecision(), now);
        return Outcome.done(List.of(new AppealFiled(appealId, rating.ratingId(), rating.caseNumber(), rating.level(),
                rating.institutionCode(), rating.regionCode(), appellant, grounds.strip(), rating.receivedAt(),
                window == null ? null : window.at(), decision == null ? null : decision.at(),
                window != null && window.provisional() || decision != null && decision.provisional(), by, now)));
    }

    /**
     * R3.1, R3.2: until when the rated party may appeal: the policy's working days from receiving the bad review;
     * null where the policy sets no window.
     */
    public static Deadline appealWindow(RatedCase rating, JurisdictionRules rules) {
        return rules.after(rules.policy().appealWindow(), rating.receivedAt());
    }

    /**
     * R3.1: evidence for an open appeal: PDF, JPEG or PNG by its content, at most {@link Evidence#MAX_BYTES}. The
     * event carries the hash and metadata; the bytes stay in appeal-service.
     */
    public static Outcome<List<EventPayload>> addEvidence(AppealState s, String attachmentId, String fileName,
            byte[] content, String by, Instant now) {
        if (content == null || content.length == 0) {
            return Outcome.rejected(Violation.of("/", "appeal.evidenceEmpty"));
        }
        if (content.length > Evidence.MAX_BYTES) {
            return Outcome.rejected(Violation.of("/", "appeal.evidenceTooLarge", Evidence.MAX_BYTES / (1024 * 1024)));
        }
        var mediaType = Evidence.mediaTypeOf(content);
        if (mediaType.isEmpty()) {
            return Outcome.rejected(Violation.of("/", "appeal.evidenceType"));
        }
        if (!s.open()) {
            return decided(s);
        }
        String name = fileName == null || fileName.isBlank() ? attachmentId : fileName.strip();
        return Outcome.done(List.of(new AppealEvidenceAdded(s.filed().appealId(), s.ratingId(), attachmentId, name,
                mediaType.get(), content.length, Evidence.sha256(content), by, now)));
    }

    /** R3.3: one check by the bureau, on an open appeal. */
    public static Outcome<List<EventPayload>> verify(AppealState s, VerificationMethod method, String finding,
            String by, Instant now) {
        List<Violation> errors = new ArrayList<>();
        if (method == null) {
            errors.add(Violation.of("/method", "field.required"));
        }
        if (finding == null || finding.isBlank()) {
            errors.add(Violation.of("/finding", "field.required"));
        }
        if (!errors.isEmpty()) {
            return Outcome.rejected(errors);
        }
        if (!s.open()) {
            return decided(s);
        }
        return Outcome.done(List.of(new AppealVerified(s.filed().appealId(), s.ratingId(), method, finding.strip(), by,
                now)));
    }

    /**
     * R3.4, R3.5: upheld (mistaken or malicious: the rating is not adopted, everywhere) or rejected (it stands). The
     * bureau decides on what it verified (R3.3), so a decision needs a verification first.
     */
    public static Outcome<List<EventPayload>> decide(AppealState s, AppealOutcome outcome, boolean malicious,
            String reason, String decisionId, String by, Instant now) {
        List<Violation> errors = new ArrayList<>();
        if (outcome == null) {
            errors.add(Violation.of("/outcome", "field.required"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(Violation.of("/reason", "field.required"));
        }
        if (outcome == AppealOutcome.REJECTED && malicious) {
            errors.add(Violation.of("/malicious", "appeal.maliciousOnlyUpheld"));
        }
        if (!errors.isEmpty()) {
            return Outcome.rejected(errors);
        }
        if (!s.open()) {
            return decided(s);
        }
        if (s.verifications() == 0) {
            return conflict("appeal-step", Text.of("appeal.verifyFirst"), "nothing was verified on appeal "
                    + s.filed().appealId());
        }
        Instant due = s.decisionDueAt();
        List<EventPayload> events = new ArrayList<>();
        events.add(new AppealDecided(s.filed().appealId(), s.ratingId(), outcome, malicious, reason.strip(),
                due == null || !now.isAfter(due), by, now));
        if (outcome == AppealOutcome.UPHELD) {
            events.add(new RatingNotAdopted(s.ratingId(), s.filed().caseNumber(), decisionId, malicious,
                    reason.strip(), by, now));
        }
        return Outcome.done(events);
    }

    /** R3.5: a review undoes an upheld appeal; the rating counts again and its rectification goes on. */
    public static Outcome<List<EventPayload>> reinstate(AppealState s, String reason, String decisionId, String by,
            Instant now) {
        if (reason == null || reason.isBlank()) {
            return Outcome.rejected(Violation.of("/reason", "field.required"));
        }
        if (!s.notAdopted()) {
            return conflict("appeal-step", Text.of("appeal.nothingToReinstate"), "rating " + s.ratingId()
                    + " is adopted");
        }
        return Outcome.done(List.of(new RatingReinstated(s.ratingId(), s.filed().caseNumber(), decisionId,
                reason.strip(), by, now)));
    }

    /** R3.2: an appeal undecided past its deadline is flagged once; the bureau's queue shows it first. */
    public static List<EventPayload> overdue(AppealState s, Instant now) {
        Instant due = s.decisionDueAt();
        if (!s.open() || s.overdueFlagged() || due == null || !now.isAfter(due)) {
            return List.of();
        }
        return List.of(new AppealOverdue(s.filed().appealId(), s.ratingId(), due, now));
    }

    /**
     * R3.2: a year's calendar was loaded; an open appeal counted provisionally is counted again, the window from the
     * receipt of the bad review and the decision from the filing (docs/rules.md, "When each term starts"). Nothing
     * when nothing moved, so a replayed publication is harmless.
     */
    public static List<EventPayload> redate(AppealState s, int year, RulesAt rules, Instant now) {
        if (s == null || !s.open() || !s.deadlinesProvisional()) {
            return List.of();
        }
        AppealFiled f = s.filed();
        Deadline window = s.windowDueAt() == null ? null
                : rules.after(JurisdictionPolicy::appealWindow, f.receivedAt());
        Deadline decision = s.decisionDueAt() == null ? null
                : rules.after(JurisdictionPolicy::appealDecision, f.filedAt());
        Instant windowAt = window == null ? s.windowDueAt() : window.at();
        Instant decisionAt = decision == null ? s.decisionDueAt() : decision.at();
        boolean provisional = window != null && window.provisional() || decision != null && decision.provisional();
        if (Objects.equals(windowAt, s.windowDueAt()) && Objects.equals(decisionAt, s.decisionDueAt())
                && provisional == s.deadlinesProvisional()) {
            return List.of();
        }
        return List.of(new AppealRedated(f.appealId(), f.ratingId(), year, windowAt, decisionAt, provisional, now));
    }

    private static <T> Outcome<T> decided(AppealState s) {
        return conflict("appeal-decided", Text.of("appeal.decidedAlready"), "the appeal on rating " + s.ratingId()
                + " was decided " + s.outcome());
    }

    private static <T> Outcome<T> conflict(String kind, Text title, String detail) {
        return Outcome.conflict(kind, title, detail);
    }
}
