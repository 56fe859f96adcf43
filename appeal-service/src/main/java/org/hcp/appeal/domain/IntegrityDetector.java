package org.hcp.appeal.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.hcp.events.appeal.IntegrityRule;
import org.hcp.events.policy.IntegrityThresholds;
import org.hcp.events.policy.IntegrityThresholds.Burst;
import org.hcp.events.policy.IntegrityThresholds.QuickRatings;

/**
 * R6.3's detection rules as pure functions. A rule judges the ratings of one subject (a staff member at a window
 * device, an evaluator at an institution, a window device, an evaluator) on one local day: a flag is the union of
 * every window of the rule's length that reaches its threshold. Being a function of the day's ratings as a set, a
 * flag comes out the same whatever order the ratings arrive in, live or replayed.
 */
public final class IntegrityDetector {

    private static final Comparator<ObservedRating> BY_TIME = Comparator.comparing(ObservedRating::ratedAt)
            .thenComparing(ObservedRating::ratingId);

    private IntegrityDetector() {
    }

    /** The ratings one rule judges together. */
    public record Subject(IntegrityRule rule, String key) {
    }

    /**
     * A flag: the rule that fired on a subject's day and its evidence.
     *
     * @param regionCode the region every flagged rating is in (their codes' common prefix): whose bureau reviews it
     * @param ratingIds the flagged ratings, sorted
     * @param distinct  institutions (SERIAL_BAD_REVIEWS) or evaluators (QUICK_OWN_DEVICE) among them; otherwise 1
     */
    public record Finding(Subject subject, LocalDate day, String regionCode, List<String> ratingIds, int distinct,
            Instant firstAt, Instant lastAt) {

        /** Stable for the subject's day, so a later rating of that day extends the same flag. */
        public String flagId() {
            return idOf(subject, day);
        }

        public static String idOf(Subject subject, LocalDate day) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest((subject.rule() + "|" + subject.key() + "|"
                        + day).getBytes(StandardCharsets.UTF_8));
                return "flag-" + HexFormat.of().formatHex(hash, 0, 10);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }
    }

    /** The subjects a rating is judged under, whatever the thresholds (a rule that is off never fires). */
    public static List<Subject> subjects(ObservedRating r) {
        List<Subject> subjects = new ArrayList<>();
        if (r.onWindowDevice() && r.staffId() != null && r.level() == 5) {
            subjects.add(new Subject(IntegrityRule.DEVICE_BURST, "window " + r.windowCode() + " staff " + r.staffId()));
        }
        if (r.evaluator() != null) {
            subjects.add(new Subject(IntegrityRule.REPEAT_EVALUATOR, "evaluator " + r.evaluator() + " institution "
                    + r.institutionCode()));
            if (r.onWindowDevice() && r.level() >= 4 && r.afterCompletion() != null) {
                subjects.add(new Subject(IntegrityRule.QUICK_OWN_DEVICE, "window " + r.windowCode()));
            }
            if (r.level() == 1) {
                subjects.add(new Subject(IntegrityRule.SERIAL_BAD_REVIEWS, "evaluator " + r.evaluator()));
            }
        }
        return subjects;
    }

    /** The thresholds in force for a region at an instant (policy data). */
    @FunctionalInterface
    public interface Thresholds {
        IntegrityThresholds at(String regionCode, Instant at);
    }

    /**
     * Judges every subject's day among {@code ratings}, which must hold all the ratings of each subject's day judged.
     * A day is judged under the thresholds in force for its earliest rating: one choice, whatever the arrival order.
     */
    public static List<Finding> judge(Collection<ObservedRating> ratings, ZoneId zone, Thresholds thresholds) {
        return judge(ratings, zone, thresholds, null);
    }

    /** One subject on one local day: what a flag is about. */
    public record SubjectDay(Subject subject, LocalDate day) {
    }

    /** The subject-days these ratings belong to: those that judging them may change. */
    public static Set<SubjectDay> subjectDays(Collection<ObservedRating> ratings, ZoneId zone) {
        Set<SubjectDay> days = new HashSet<>();
        for (ObservedRating r : ratings) {
            LocalDate day = day(r, zone);
            subjects(r).forEach(s -> days.add(new SubjectDay(s, day)));
        }
        return days;
    }

    /**
     * As {@link #judge(Collection, ZoneId, Thresholds)}, but only the subject-days in {@code only} (null: all). The
     * same-day ratings loaded for a batch belong to many other subjects too (each evaluator's own, at every rating of
     * a window), and judging those would be work thrown away.
     */
    public static List<Finding> judge(Collection<ObservedRating> ratings, ZoneId zone, Thresholds thresholds,
            Set<SubjectDay> only) {
        Map<Subject, Map<LocalDate, List<ObservedRating>>> days = new HashMap<>();
        for (ObservedRating r : ratings) {
            LocalDate day = day(r, zone);
            for (Subject s : subjects(r)) {
                if (only == null || only.contains(new SubjectDay(s, day))) {
                    days.computeIfAbsent(s, k -> new HashMap<>()).computeIfAbsent(day, k -> new ArrayList<>()).add(r);
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        days.forEach((subject, byDay) -> byDay.forEach((day, group) -> {
            ObservedRating first = group.stream().min(BY_TIME).orElseThrow();
            detect(subject, day, group, thresholds.at(first.regionCode(), first.ratedAt())).ifPresent(findings::add);
        }));
        findings.sort(Comparator.comparing(Finding::firstAt).thenComparing(Finding::flagId));
        return findings;
    }

    /** The local day a rating belongs to. */
    public static LocalDate day(ObservedRating r, ZoneId zone) {
        return r.ratedAt().atZone(zone).toLocalDate();
    }

    /**
     * Judges one subject's ratings of one day (every one of them, any order) under the thresholds in force; empty
     * when the rule is off or nothing reaches its threshold.
     */
    public static Optional<Finding> detect(Subject subject, LocalDate day, List<ObservedRating> ratings,
            IntegrityThresholds thresholds) {
        if (thresholds == null) {
            return Optional.empty();
        }
        List<ObservedRating> sorted = ratings.stream().sorted(BY_TIME).toList();
        Set<ObservedRating> evidence = switch (subject.rule()) {
            case DEVICE_BURST -> bursts(sorted, thresholds.deviceBurst(), false);
            case REPEAT_EVALUATOR -> bursts(sorted, thresholds.repeatEvaluator(), false);
            case SERIAL_BAD_REVIEWS -> bursts(sorted, thresholds.serialBadReviews(), true);
            case QUICK_OWN_DEVICE -> quick(sorted, thresholds.quickOwnDevice());
        };
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        List<ObservedRating> flagged = evidence.stream().sorted(BY_TIME).toList();
        int distinct = switch (subject.rule()) {
            case SERIAL_BAD_REVIEWS -> distinct(flagged, ObservedRating::institutionCode);
            case QUICK_OWN_DEVICE -> distinct(flagged, ObservedRating::evaluator);
            default -> 1;
        };
        return Optional.of(new Finding(subject, day, commonRegion(flagged),
                flagged.stream().map(ObservedRating::ratingId).sorted().toList(), distinct, flagged.get(0).ratedAt(),
                flagged.get(flagged.size() - 1).ratedAt()));
    }

    /**
     * Every window of {@code rule.within()} holding {@code rule.count()} ratings (or institutions). The window from
     * each rating ends no earlier than the one before it, so one pass with two ends finds them all, and a window's
     * ratings are added from where the evidence of the windows before it ended: linear in a day's ratings, where a
     * device that rates thousands of times a day is exactly what this rule is for.
     */
    private static Set<ObservedRating> bursts(List<ObservedRating> sorted, Burst rule, boolean countInstitutions) {
        Set<ObservedRating> evidence = new HashSet<>();
        if (rule == null) {
            return evidence;
        }
        // The institutions of sorted[from..to] and how many ratings each has there; kept only when they are counted.
        Map<String, Integer> institutions = new HashMap<>();
        int to = -1;
        int coveredTo = -1;
        for (int from = 0; from < sorted.size(); from++) {
            Instant end = sorted.get(from).ratedAt().plus(rule.within());
            // The window from `from` holds `from` itself, so `to` never falls behind it.
            while (to < from || to + 1 < sorted.size() && !sorted.get(to + 1).ratedAt().isAfter(end)) {
                to++;
                if (countInstitutions) {
                    institutions.merge(sorted.get(to).institutionCode(), 1, Integer::sum);
                }
            }
            int measure = countInstitutions ? institutions.size() : to - from + 1;
            if (measure >= rule.count()) {
                for (int k = Math.max(from, coveredTo + 1); k <= to; k++) {
                    evidence.add(sorted.get(k));
                }
                coveredTo = Math.max(coveredTo, to);
            }
            if (countInstitutions) {
                institutions.computeIfPresent(sorted.get(from).institutionCode(), (code, n) -> n == 1 ? null : n - 1);
            }
        }
        return evidence;
    }

    /**
     * Every window of {@code rule.within()} where at most {@code rule.evaluators()} evaluators gave
     * {@code rule.count()} quick ratings: the evidence is those evaluators' quick ratings.
     */
    private static Set<ObservedRating> quick(List<ObservedRating> sorted, QuickRatings rule) {
        Set<ObservedRating> evidence = new HashSet<>();
        if (rule == null) {
            return evidence;
        }
        List<ObservedRating> quick = sorted.stream().filter(r -> !r.afterCompletion().isNegative()
                && r.afterCompletion().compareTo(rule.afterCompletion()) <= 0).toList();
        for (int i = 0; i < quick.size(); i++) {
            Map<String, List<ObservedRating>> byEvaluator = new HashMap<>();
            window(quick, i, rule.within()).forEach(r -> byEvaluator.computeIfAbsent(r.evaluator(),
                    k -> new ArrayList<>()).add(r));
            // The few evaluators who gave the most; ties broken by pseudonym, so the choice never depends on order.
            List<List<ObservedRating>> top = byEvaluator.entrySet().stream()
                    .sorted(Map.Entry.<String, List<ObservedRating>>comparingByValue(
                            Comparator.comparingInt(List::size)).reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(rule.evaluators()).map(Map.Entry::getValue).toList();
            if (top.stream().mapToInt(List::size).sum() >= rule.count()) {
                top.forEach(evidence::addAll);
            }
        }
        return evidence;
    }

    /** The longest region code every rating's code starts with; a province (2 digits) at least. */
    static String commonRegion(List<ObservedRating> ratings) {
        String prefix = ratings.get(0).regionCode();
        for (ObservedRating r : ratings) {
            int n = 0;
            while (n < prefix.length() && n < r.regionCode().length() && prefix.charAt(n) == r.regionCode().charAt(n)) {
                n++;
            }
            prefix = prefix.substring(0, n);
        }
        return prefix.length() >= 2 ? prefix : ratings.get(0).regionCode().substring(0, 2);
    }

    /** The ratings from {@code sorted.get(from)} to {@code within} after it. */
    private static List<ObservedRating> window(List<ObservedRating> sorted, int from, Duration within) {
        Instant end = sorted.get(from).ratedAt().plus(within);
        int to = from;
        while (to + 1 < sorted.size() && !sorted.get(to + 1).ratedAt().isAfter(end)) {
            to++;
        }
        return sorted.subList(from, to + 1);
    }

    private static int distinct(List<ObservedRating> ratings, Function<ObservedRating, String> key) {
        return new TreeSet<>(ratings.stream().map(key).toList()).size();
    }
}
