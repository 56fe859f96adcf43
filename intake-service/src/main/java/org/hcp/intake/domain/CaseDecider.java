package org.hcp.intake.domain;

import static org.hcp.intake.domain.RatingDecider.blankToNull;
import static org.hcp.intake.domain.RatingDecider.parseEnum;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hcp.events.CaseCompleted;
import org.hcp.events.CaseKind;
import org.hcp.events.CaseVisit;
import org.hcp.events.ChinaTime;
import org.hcp.events.DirectoryKind;
import org.hcp.events.EvaluatorType;
import org.hcp.events.RegionCodes;
import org.hcp.events.calendar.WorkingCalendar;
import org.hcp.events.outcome.Violation;
import org.hcp.events.policy.CaseDeadlines;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.events.policy.PolicyBook;

/**
 * The pure core of case reporting: a completed case names what was handled, by whom and where, all of it in the
 * directory (R1.11); its deadlines come from the jurisdiction's policy on its completion day (R1.7, R1.9).
 */
public final class CaseDecider {

    static final int VISITS_MAX = 50;

    private CaseDecider() {
    }

    /** Exactly one of {@code violations} (non-empty) or {@code event} with its {@code deadlines}. */
    public record Decision(List<Violation> violations, CaseCompleted event, CaseDeadlines deadlines) {
        public boolean accepted() {
            return violations.isEmpty();
        }
    }

    /**
     * @param directory    the directory as it stands
     * @param batchMembers cases already reported with the same batch id
     * @param pseudonym    the evaluator's pseudonym, or null when the case names no evaluator
     * @param contactable  whether a name or mobile was given to remind or call back
     */
    public static Decision decide(ReportCase command, DirectoryEntry.Lookup directory, List<ServiceCase> batchMembers,
            String pseudonym, boolean contactable, Instant now, PolicyBook policies, WorkingCalendar calendar) {
        List<Violation> errors = new ArrayList<>();
        RatingDecider.requireIdentifier(errors, "/caseNumber", command.caseNumber(), RatingDecider.CASE_NUMBER_MAX);
        RatingDecider.optionalIdentifier(errors, "/batchId", command.batchId(), RatingDecider.CODE_MAX);
        RatingDecider.optionalIdentifier(errors, "/chainId", command.chainId(), RatingDecider.CODE_MAX);
        CaseKind kind = parseEnum(errors, "/caseKind", command.caseKind(), CaseKind.class);
        if (command.caseKind() == null) {
            errors.add(Violation.of("/caseKind", "case.kindRequired", List.of(CaseKind.values())));
        }
        if (command.completedAt() == null) {
            errors.add(Violation.of("/completedAt", "case.completedAtRequired"));
        } else if (command.completedAt().isAfter(now.plus(RatingDecider.CLOCK_SKEW))) {
            errors.add(Violation.of("/completedAt", "case.completedAtFuture"));
        } else if (!policies.inForceOn(command.completedAt().atZone(ChinaTime.ZONE).toLocalDate())) {
            // R5.6: a case is judged by the policy of its day; before the first one there is nothing to judge by.
            errors.add(Violation.of("/completedAt", "case.beforePolicies", policies.firstDay()));
        }
        if (command.acceptedAt() != null && command.completedAt() != null
                && command.acceptedAt().isAfter(command.completedAt())) {
            errors.add(Violation.of("/acceptedAt", "case.acceptedAfterCompleted"));
        }

        // R1.11: everything rated is in the directory, and belongs together.
        DirectoryEntry item = known(errors, directory, "/itemCode", DirectoryKind.ITEM, command.itemCode(), true);
        DirectoryEntry institution = known(errors, directory, "/institutionCode", DirectoryKind.INSTITUTION,
                command.institutionCode(), true);
        DirectoryEntry window = known(errors, directory, "/windowCode", DirectoryKind.WINDOW, command.windowCode(),
                false);
        DirectoryEntry staff = known(errors, directory, "/staffId", DirectoryKind.STAFF, command.staffId(), false);
        known(errors, directory, "/platformCode", DirectoryKind.PLATFORM, command.platformCode(), false);
        belongs(errors, "/windowCode", window, institution);
        belongs(errors, "/staffId", staff, institution);
        String region = blankToNull(command.regionCode());
        if (region == null && institution != null) {
            region = institution.regionCode();
        }
        if (region != null && !RegionCodes.isCode(region)) {
            errors.add(Violation.of("/regionCode", "rating.regionCodeFormat"));
        } else if (region != null && institution != null && !RegionCodes.selfAndAncestors(region).contains(institution.regionCode())) {
            errors.add(Violation.of("/regionCode", "case.regionOutsideInstitution", region,
                    institution.code(), institution.regionCode()));
        }

        List<CaseVisit> visits = visits(errors, command, kind, directory, institution);
        EvaluatorType evaluatorType = null;
        if (command.evaluator() != null) {
            evaluatorType = parseEnum(errors, "/evaluator/type", command.evaluator().type(), EvaluatorType.class);
            if (command.evaluator().id() == null || command.evaluator().id().isBlank()) {
                errors.add(Violation.of("/evaluator/id", "case.evaluatorIdRequired"));
            }
            String mobile = command.evaluator().mobile();
            if (mobile != null && !mobile.matches("\\+?[0-9 -]{5,20}")) {
                errors.add(Violation.of("/evaluator/mobile", "case.mobileFormat"));
            }
        }
        // R1.5: a batch is cases of one item submitted at one window in one go.
        String batchId = blankToNull(command.batchId());
        if (batchId != null) {
            for (ServiceCase member : batchMembers) {
                if (!member.itemCode().equals(command.itemCode()) || !sameWindow(member.windowCode(),
                        command.windowCode())) {
                    errors.add(Violation.of("/batchId", "case.batchMixed", batchId, member.caseNumber(),
                            member.itemCode(), member.windowCode()));
                    break;
                }
            }
        }
        if (!errors.isEmpty()) {
            return new Decision(List.copyOf(errors), null, null);
        }

        JurisdictionPolicy policy = policies.resolve(region,
                command.completedAt().atZone(ChinaTime.ZONE).toLocalDate());
        CaseDeadlines deadlines = CaseDeadlines.of(policy, command.completedAt(), calendar);
        CaseCompleted event = new CaseCompleted(command.caseNumber().trim(), kind, item.code(), institution.code(),
                blankToNull(command.windowCode()), blankToNull(command.staffId()), blankToNull(command.platformCode()),
                region, command.acceptedAt(), command.completedAt(), batchId, blankToNull(command.chainId()), visits,
                evaluatorType, pseudonym, contactable, region, deadlines.reminderDueAt(),
                deadlines.defaultRatingDueAt(), deadlines.provisional());
        return new Decision(List.of(), event, deadlines);
    }

    private static List<CaseVisit> visits(List<Violation> errors, ReportCase command, CaseKind kind,
            DirectoryEntry.Lookup directory, DirectoryEntry institution) {
        if (command.visits() == null || command.visits().isEmpty()) {
            return List.of();
        }
        if (kind != null && kind != CaseKind.PROMISED) {
            errors.add(Violation.of("/visits", "case.visitsOnlyPromised", kind));
            return List.of();
        }
        if (command.visits().size() > VISITS_MAX) {
            errors.add(Violation.of("/visits", "case.visitsTooMany", VISITS_MAX));
            return List.of();
        }
        List<CaseVisit> visits = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < command.visits().size(); i++) {
            String at = "/visits/" + i;
            ReportCase.VisitInput v = command.visits().get(i);
            if (v == null) {
                errors.add(Violation.of(at, "case.visitNull"));
                continue;
            }
            RatingDecider.requireIdentifier(errors, at + "/visitId", v.visitId(), RatingDecider.CODE_MAX);
            if (v.visitId() != null && !ids.add(v.visitId())) {
                errors.add(Violation.of(at + "/visitId", "case.visitTwice", v.visitId()));
            }
            if (v.visitedAt() == null) {
                errors.add(Violation.of(at + "/visitedAt", "case.visitedAtRequired"));
            } else if (command.completedAt() != null && v.visitedAt().isAfter(command.completedAt())) {
                errors.add(Violation.of(at + "/visitedAt", "case.visitedAfterCompleted"));
            }
            belongs(errors, at + "/windowCode",
                    known(errors, directory, at + "/windowCode", DirectoryKind.WINDOW, v.windowCode(), false),
                    institution);
            belongs(errors, at + "/staffId",
                    known(errors, directory, at + "/staffId", DirectoryKind.STAFF, v.staffId(), false), institution);
            visits.add(new CaseVisit(v.visitId(), blankToNull(v.windowCode()), blankToNull(v.staffId()),
                    v.visitedAt()));
        }
        return visits;
    }

    /**
     * Every directory entry {@link #decide} may look up for {@code command} (R1.11), so that a caller can read them
     * all in one query before deciding. A lookup outside this set is a programming error.
     */
    public static Set<DirectoryEntry.Key> directoryKeys(ReportCase command) {
        Set<DirectoryEntry.Key> keys = new HashSet<>();
        addKey(keys, DirectoryKind.ITEM, command.itemCode());
        addKey(keys, DirectoryKind.INSTITUTION, command.institutionCode());
        addKey(keys, DirectoryKind.WINDOW, command.windowCode());
        addKey(keys, DirectoryKind.STAFF, command.staffId());
        addKey(keys, DirectoryKind.PLATFORM, command.platformCode());
        if (command.visits() != null) {
            for (ReportCase.VisitInput v : command.visits()) {
                if (v != null) {
                    addKey(keys, DirectoryKind.WINDOW, v.windowCode());
                    addKey(keys, DirectoryKind.STAFF, v.staffId());
                }
            }
        }
        return keys;
    }

    private static void addKey(Set<DirectoryEntry.Key> keys, DirectoryKind kind, String code) {
        if (code != null && !code.isBlank()) {
            keys.add(new DirectoryEntry.Key(kind, code.trim()));
        }
    }

    private static DirectoryEntry known(List<Violation> errors, DirectoryEntry.Lookup directory, String at,
            DirectoryKind kind, String code, boolean required) {
        if (code == null || code.isBlank()) {
            if (required) {
                errors.add(Violation.of(at, "field.required"));
            }
            return null;
        }
        DirectoryEntry entry = directory.find(kind, code.trim());
        if (entry == null) {
            errors.add(Violation.of(at, "case.notInDirectory", kind, code.trim()));
        } else if (!entry.active()) {
            errors.add(Violation.of(at, "case.withdrawn", kind, code.trim()));
        }
        return entry;
    }

    private static void belongs(List<Violation> errors, String at, DirectoryEntry entry, DirectoryEntry institution) {
        if (entry != null && institution != null && !institution.code().equals(entry.institutionCode())) {
            errors.add(Violation.of(at, "case.otherInstitution", entry.kind(), entry.code(),
                    entry.institutionCode(), institution.code()));
        }
    }

    private static boolean sameWindow(String a, String b) {
        return a == null ? b == null || b.isBlank() : a.equals(b == null ? null : b.trim());
    }
}
