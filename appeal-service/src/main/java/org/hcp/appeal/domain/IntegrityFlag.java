package org.hcp.appeal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hcp.appeal.domain.IntegrityDetector.Finding;
import org.hcp.events.appeal.IntegrityFlagReviewed;
import org.hcp.events.appeal.IntegrityOutcome;
import org.hcp.events.appeal.IntegrityRule;

/**
 * R6.3: a flag as the bureau's queue shows it: what the rules found on a subject's day and what reviews judged so
 * far. Evidence that arrived after the last review is pending again.
 *
 * @param reviewed    every rating a review has judged
 * @param lastOutcome the latest review's outcome; null before the first
 */
public record IntegrityFlag(String flagId, IntegrityRule rule, String subject, LocalDate day, String regionCode,
        List<String> ratingIds, int distinct, Instant firstAt, Instant lastAt, Set<String> reviewed,
        IntegrityOutcome lastOutcome, int reviews) {

    public IntegrityFlag {
        ratingIds = List.copyOf(ratingIds);
        reviewed = Set.copyOf(reviewed);
    }

    public static IntegrityFlag of(Finding f) {
        return new IntegrityFlag(f.flagId(), f.subject().rule(), f.subject().key(), f.day(), f.regionCode(),
                f.ratingIds(), f.distinct(), f.firstAt(), f.lastAt(), Set.of(), null, 0);
    }

    /** The ratings no review has judged yet, sorted. */
    public List<String> pending() {
        return ratingIds.stream().filter(id -> !reviewed.contains(id)).toList();
    }

    /** PENDING while any evidence awaits a review; else the latest review's outcome. */
    public String status() {
        return !pending().isEmpty() || lastOutcome == null ? "PENDING" : lastOutcome.name();
    }

    /** The same flag with the evidence found now (a later rating of the day may have joined it). */
    public IntegrityFlag found(Finding f) {
        return new IntegrityFlag(flagId, rule, subject, day, f.regionCode(), f.ratingIds(), f.distinct(), f.firstAt(),
                f.lastAt(), reviewed, lastOutcome, reviews);
    }

    public IntegrityFlag evolve(IntegrityFlagReviewed e) {
        Set<String> judged = new TreeSet<>(reviewed);
        judged.addAll(e.ratingIds());
        return new IntegrityFlag(flagId, rule, subject, day, regionCode, ratingIds, distinct, firstAt, lastAt, judged,
                e.outcome(), reviews + 1);
    }
}
