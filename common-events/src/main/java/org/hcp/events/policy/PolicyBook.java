package org.hcp.events.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.hcp.events.EventJson;
import org.hcp.events.RegionCodes;

/**
 * All jurisdiction policy versions, and the one rule that combines them: for a region and a day, take from each
 * enclosing region (nearest first, up to the national default) the version in force that day, and let the nearer
 * one win field by field. Another city's deadlines (R5.6) are one more data file, never code.
 */
public final class PolicyBook {

    /** The key of the national default policy, the root every region inherits from. */
    public static final String NATIONAL = "national";

    /** The shipped policy files, listed in {@code policies/index.txt}. */
    private static final String INDEX = "/policies/index.txt";

    private final List<JurisdictionPolicy> versions;

    private PolicyBook(List<JurisdictionPolicy> versions) {
        this.versions = List.copyOf(versions);
    }

    public static PolicyBook of(Collection<JurisdictionPolicy> versions) {
        List<String> problems = new ArrayList<>();
        for (JurisdictionPolicy p : versions) {
            if (p.regionCode() == null || !(NATIONAL.equals(p.regionCode()) || RegionCodes.isCode(p.regionCode()))) {
                problems.add("regionCode must be a GB/T 2260 code or '" + NATIONAL + "': " + p.regionCode());
            }
            if (p.effectiveFrom() == null) {
                problems.add(p.regionCode() + ": effectiveFrom is required");
            }
            if (p.defaultRating() != null && (p.defaultRating().level() < 1 || p.defaultRating().level() > 5)) {
                problems.add(p.regionCode() + ": defaultRating.level must be 1..5");
            }
        }
        if (versions.stream().noneMatch(p -> NATIONAL.equals(p.regionCode()))) {
            problems.add("no national default policy");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid jurisdiction policies: " + problems);
        }
        PolicyBook book = new PolicyBook(new ArrayList<>(versions));
        for (JurisdictionPolicy national : book.versions) {
            if (NATIONAL.equals(national.regionCode())) {
                book.requireComplete(national);
            }
        }
        return book;
    }

    /** The policies shipped in this jar: the national default, Jilin City, Jilin EDZ and Tai'an. */
    public static PolicyBook shipped() {
        List<JurisdictionPolicy> versions = new ArrayList<>();
        for (String file : resource(INDEX).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            versions.addAll(parse(resource("/policies/" + file)));
        }
        return of(versions);
    }

    /**
     * The shipped policies plus every {@code *.json} policy file in {@code dir} (an operator's, e.g. another city's
     * deadlines, R5.6), in file-name order; the shipped ones alone when {@code dir} is empty or "none".
     */
    public static PolicyBook shippedAnd(Optional<String> dir) {
        PolicyBook shipped = shipped();
        if (dir.isEmpty() || dir.get().isBlank() || dir.get().equals("none")) {
            return shipped;
        }
        List<JurisdictionPolicy> versions = new ArrayList<>(shipped.versions());
        try (Stream<Path> files = Files.list(Path.of(dir.get()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                versions.addAll(parse(Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy directory " + dir.get(), e);
        }
        return of(versions);
    }

    /** A policy file: one version object, or an array of versions. */
    public static List<JurisdictionPolicy> parse(String json) {
        try {
            String trimmed = json.strip();
            if (trimmed.startsWith("[")) {
                return EventJson.mapper().readValue(trimmed, new TypeReference<List<JurisdictionPolicy>>() { });
            }
            return List.of(EventJson.mapper().readValue(trimmed, JurisdictionPolicy.class));
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable policy file: " + e.getMessage(), e);
        }
    }

    public List<JurisdictionPolicy> versions() {
        return versions;
    }

    /** The first day a national default policy is in force: {@link #resolve} answers for no earlier day. */
    public LocalDate firstDay() {
        return versions.stream().filter(v -> NATIONAL.equals(v.regionCode())).map(JurisdictionPolicy::effectiveFrom)
                .min(LocalDate::compareTo).orElse(LocalDate.MAX);
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(firstDay());
    }

    /** The policy in force for {@code regionCode} on {@code day}, every field filled. */
    public JurisdictionPolicy resolve(String regionCode, LocalDate day) {
        // No region: the national policy alone, for what is counted over every region.
        List<String> chain = regionCode == null ? new ArrayList<>()
                : new ArrayList<>(RegionCodes.selfAndAncestors(regionCode));
        chain.add(NATIONAL);
        JurisdictionPolicy result = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            JurisdictionPolicy version = inForce(chain.get(i), day);
            if (version != null) {
                result = result == null ? version : version.over(result);
            }
        }
        if (result == null) {
            throw new IllegalStateException("no national default policy in force on " + day);
        }
        return new JurisdictionPolicy(regionCode, result.effectiveFrom(), result.name(), result.source(),
                result.zone(), result.levelLabels(), result.badReviewTags(), result.supplementaryRatingPeriod(),
                result.defaultRating(), result.callbackReply(), result.rectificationClearCase(),
                result.rectificationComplexCase(), result.complexCaseFeedback(),
                result.verificationAfterRectification(), result.appealWindow(), result.appealDecision(),
                result.maliciousEvaluatorCreditRecord(), result.integrity(), result.rankingWarning(),
                result.showStaffOnRatingPage(), result.followUpRatingPeriod(), result.messaging(),
                result.hotlineWorkOrders(), result.rankingMinimumRatings(), result.bulletin());
    }

    public static ZoneId zoneOf(JurisdictionPolicy policy) {
        return ZoneId.of(policy.zone());
    }

    private JurisdictionPolicy inForce(String region, LocalDate day) {
        return versions.stream()
                .filter(v -> v.regionCode().equals(region) && !v.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(JurisdictionPolicy::effectiveFrom))
                .orElse(null);
    }

    private void requireComplete(JurisdictionPolicy national) {
        Objects.requireNonNull(national.zone(), "national.zone");
        Objects.requireNonNull(national.levelLabels(), "national.levelLabels");
        Objects.requireNonNull(national.badReviewTags(), "national.badReviewTags");
        Objects.requireNonNull(national.supplementaryRatingPeriod(), "national.supplementaryRatingPeriod");
        Objects.requireNonNull(national.rankingMinimumRatings(), "national.rankingMinimumRatings");
        Objects.requireNonNull(national.bulletin(), "national.bulletin");
        ZoneId.of(national.zone());
    }

    private static String resource(String path) {
        try (InputStream in = PolicyBook.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
