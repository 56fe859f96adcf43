package org.hcp.intake.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hcp.events.Channel;
import org.hcp.events.DetailForm;
import org.hcp.events.Dimension;
import org.hcp.events.DimensionRating;
import org.hcp.events.EvaluatorType;
import org.hcp.events.Identifiers;
import org.hcp.events.NationalCodes;
import org.hcp.events.RatingLevel;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingScope;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.RegionCodes;
import org.hcp.events.outcome.Text;
import org.hcp.events.outcome.Violation;
import org.hcp.events.policy.JurisdictionPolicy;

/**
 * The pure core of rating intake: given a command, the case it is about (with the slots already taken), the
 * jurisdiction's policy and the time, decide the violations (422), the conflict (409) or the ratings to record.
 * No I/O, so every rule is tested in milliseconds; the database's unique slots settle races the read could not see.
 */
public final class RatingDecider {

    /** R5.4: 办件编号 an..50. */
    static final int CASE_NUMBER_MAX = Identifiers.CASE_NUMBER_MAX;
    static final int CODE_MAX = Identifiers.CODE_MAX;
    static final int TEXT_MAX = 2000;
    static final int TAGS_MAX = 20;
    static final Pattern RATING_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");
    /** Devices' clocks drift: a rating time a little ahead of ours is accepted, further is an error. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** R1.7: a supplementary rating is made online, later (JC Art.18: 网上"补充"渠道). */
    static final Set<Channel> ONLINE = Set.of(Channel.WEBSITE, Channel.MOBILE_APP, Channel.MINI_PROGRAM,
            Channel.QR_CODE, Channel.SMS, Channel.HOTLINE_12345);

    private RatingDecider() {
    }

    /** A rating slot to take in the same transaction (R1.4); its unique key settles concurrent requests. */
    public record Slot(String caseNumber, String slot, String ratingId) {
    }

    /**
     * The outcome: violations (422), or a conflict (409), or the ratings to record, one per case the rating applies
     * to, and the slots they take.
     */
    public record Decision(List<Violation> violations, Text conflict, List<RatingSubmitted> ratings,
            List<Slot> slots) {
        public boolean accepted() {
            return violations.isEmpty() && conflict == null;
        }

        static Decision invalid(List<Violation> errors) {
            return new Decision(List.copyOf(errors), null, List.of(), List.of());
        }

        static Decision conflict(Text why) {
            return new Decision(List.of(), why, List.of(), List.of());
        }
    }

    /**
     * Decides a rating in four named steps: {@link #readForm} (the request on its own), {@link #checkAgainstCase}
     * (the request against the reported case), {@link #target} (which cases and slots it rates) and
     * {@link #ratingsFor} (the events). Violations of the first two are collected and answered together.
     *
     * @param state  the case and its batch/chain members; null when no such case was reported
     * @param policy the jurisdiction policy in force for the case (its region, its completion day)
     */
    public static Decision decide(SubmitRating command, String ratingId, String evaluatorPseudonym, Instant now,
            CaseState state, JurisdictionPolicy policy) {
        List<Violation> errors = new ArrayList<>();
        Form form = readForm(command, now, policy, errors);
        if (!errors.isEmpty() || command.caseNumber() == null) {
            return Decision.invalid(errors);
        }
        // R5.5: the case is registered before its rating.
        if (state == null) {
            return Decision.invalid(List.of(Violation.of("/caseNumber", "rating.caseUnknown",
                    command.caseNumber().trim())));
        }
        String visitSlot = checkAgainstCase(command, form, state.target(), policy, errors);
        if (!errors.isEmpty()) {
            return Decision.invalid(errors);
        }
        Target target = target(state, form.scope(), visitSlot);
        for (ServiceCase c : target.cases()) {
            if (c.takenSlots().contains(target.slot())) {
                return Decision.conflict(alreadyRated(c, target.slot()));
            }
        }
        return ratingsFor(command, ratingId, evaluatorPseudonym, form, state.target(), target);
    }

    /** The request's values once read and checked on their own. */
    private record Form(Channel channel, RatingScope scope, Integer level, List<String> tags,
            List<DimensionRating> dimensions, DetailForm detailForm, EvaluatorType evaluatorType, Instant ratedAt,
            boolean supplementary) {
    }

    /** The cases a rating applies to, the slot it takes on each, and the scope and group it is recorded with. */
    private record Target(List<ServiceCase> cases, String slot, RatingScope scope, String groupId) {
    }

    /** Step 1: the request on its own, before any case is looked at (R1.1-R1.3, R1.7, R1.8, R1.10). */
    private static Form readForm(SubmitRating command, Instant now, JurisdictionPolicy policy,
            List<Violation> errors) {
        if (command.ratingId() != null && !RATING_ID.matcher(command.ratingId()).matches()) {
            errors.add(Violation.of("/ratingId", "rating.idFormat"));
        }
        requireIdentifier(errors, "/caseNumber", command.caseNumber(), CASE_NUMBER_MAX);
        optionalIdentifier(errors, "/itemCode", command.itemCode(), CODE_MAX);
        optionalIdentifier(errors, "/institutionCode", command.institutionCode(), CODE_MAX);
        optionalIdentifier(errors, "/windowCode", command.windowCode(), CODE_MAX);
        optionalIdentifier(errors, "/staffId", command.staffId(), CODE_MAX);
        optionalIdentifier(errors, "/platformCode", command.platformCode(), CODE_MAX);
        if (command.regionCode() != null && !RegionCodes.isCode(command.regionCode())) {
            errors.add(Violation.of("/regionCode", "rating.regionCodeFormat"));
        }

        // R1.8: only known channels.
        Channel channel = Channel.parse(command.channel());
        if (command.channel() == null) {
            errors.add(Violation.of("/channel", "rating.channelRequired"));
        } else if (channel == null || channel == Channel.SYSTEM_DEFAULT) {
            errors.add(Violation.of("/channel", "rating.channelUnknown", command.channel(),
                    Channel.evaluatorChannels()));
            channel = null;
        }
        RatingScope scope = parseEnum(errors, "/scope", command.scope(), RatingScope.class);
        if (scope == RatingScope.BATCH) {
            errors.add(Violation.of("/scope", "rating.scopeBatch"));
        }

        // R1.1: five levels.
        Integer level = command.level();
        if (level == null) {
            errors.add(Violation.of("/level", "rating.levelRequired"));
        } else if (!RatingLevel.isValid(level)) {
            errors.add(Violation.of("/level", "rating.levelRange", level));
        }
        boolean bad = level != null && RatingLevel.isValid(level) && RatingLevel.isBad(level);
        List<String> tags = command.tags() == null ? List.of() : command.tags();
        checkTags(errors, "/tags", tags, policy);
        // R1.3: a bad review picks at least one bad-review indicator; a good review needs nothing more.
        if (bad && tags.isEmpty()) {
            errors.add(Violation.of("/tags", "rating.badReviewNeedsTag"));
        }
        if (!bad && level != null && RatingLevel.isValid(level) && !tags.isEmpty()) {
            errors.add(Violation.of("/tags", "rating.tagsOnlyForBadReview"));
        }
        optionalText(errors, "/text", command.text(), TEXT_MAX);
        List<DimensionRating> dimensions = dimensions(errors, command.dimensions(), policy);
        // R1.2: the detail form is optional throughout; an empty one is not recorded.
        DetailForm detailForm = command.detailForm() == null || command.detailForm().isEmpty() ? null
                : command.detailForm();
        if (detailForm != null) {
            optionalText(errors, "/detailForm/suggestions", detailForm.suggestions(), TEXT_MAX);
            detailForm = new DetailForm(detailForm.guidanceClear(), detailForm.procedureConvenient(),
                    detailForm.materialsStreamlined(), detailForm.interfaceFriendly(),
                    blankToNull(detailForm.suggestions()));
        }

        EvaluatorType evaluatorType = null;
        if (command.evaluator() != null) {
            evaluatorType = parseEnum(errors, "/evaluator/type", command.evaluator().type(), EvaluatorType.class);
            if (command.evaluator().id() != null && command.evaluator().id().isBlank()) {
                errors.add(Violation.of("/evaluator/id", "rating.evaluatorIdBlank"));
            }
        }
        Instant ratedAt = command.ratedAt() == null ? now : command.ratedAt();
        if (ratedAt.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(Violation.of("/ratedAt", "rating.ratedAtFuture"));
        }
        boolean supplementary = Boolean.TRUE.equals(command.supplementary());
        if (supplementary && channel != null && !ONLINE.contains(channel)) {
            errors.add(Violation.of("/supplementary", "rating.supplementaryOnline", ONLINE));
        }
        return new Form(channel, scope, level, tags, dimensions, detailForm, evaluatorType, ratedAt, supplementary);
    }

    /**
     * Step 2: the request against its case (R1.4, R1.6, R1.7): what it names must match, a promised case is rated per
     * visit, after the handling and within the period. Answers the visit's slot, or null for the case's own.
     */
    private static String checkAgainstCase(SubmitRating command, Form form, ServiceCase target,
            JurisdictionPolicy policy, List<Violation> errors) {
        Instant ratedAt = form.ratedAt();
        sameAsCase(errors, "/itemCode", command.itemCode(), target.itemCode());
        sameAsCase(errors, "/institutionCode", command.institutionCode(), target.institutionCode());
        sameAsCase(errors, "/regionCode", command.regionCode(), target.regionCode());
        sameAsCase(errors, "/caseKind", command.caseKind(), target.kind().name());
        // R1.4: rated after completion (online, self-service, instant) or after the visit (promised).
        Instant ratedFrom = target.completedAt();
        String visitSlot = null;
        if (target.ratedPerVisit()) {
            if (command.visitId() == null) {
                errors.add(Violation.of("/visitId", "rating.visitRequired", visitIds(target)));
            } else {
                var visit = target.visits().stream().filter(v -> v.visitId().equals(command.visitId())).findFirst();
                if (visit.isEmpty()) {
                    errors.add(Violation.of("/visitId", "rating.visitUnknown", target.caseNumber(),
                            command.visitId(), visitIds(target)));
                } else {
                    ratedFrom = visit.get().visitedAt();
                    visitSlot = ServiceCase.visitSlot(command.visitId());
                    sameAsCase(errors, "/windowCode", command.windowCode(), visit.get().windowCode());
                    sameAsCase(errors, "/staffId", command.staffId(), visit.get().staffId());
                }
            }
        } else {
            if (command.visitId() != null) {
                errors.add(Violation.of("/visitId", "rating.visitNotRated", target.caseNumber(),
                        target.kind()));
            }
            sameAsCase(errors, "/windowCode", command.windowCode(), target.windowCode());
            sameAsCase(errors, "/staffId", command.staffId(), target.staffId());
        }
        sameAsCase(errors, "/platformCode", command.platformCode(), target.platformCode());
        if (ratedAt.isBefore(ratedFrom.minus(CLOCK_SKEW))) {
            errors.add(Violation.of("/ratedAt", "rating.beforeHandled", ratedFrom));
        }
        // R1.7: a rating not given on the spot may still come, within the jurisdiction's period.
        if (target.supplementaryUntil() != null && ratedAt.isAfter(target.supplementaryUntil())) {
            errors.add(Violation.of("/ratedAt", "rating.periodEnded", target.supplementaryUntil(),
                    policy.supplementaryRatingPeriod()));
        }
        if (form.scope() == RatingScope.CHAIN && target.chainId() == null) {
            errors.add(Violation.of("/scope", "rating.notInChain", target.caseNumber()));
        }
        return visitSlot;
    }

    /** Step 3: which cases the rating applies to, and which slot it takes on each (R1.4-R1.6). */
    private static Target target(CaseState state, RatingScope scope, String visitSlot) {
        ServiceCase target = state.target();
        if (scope == RatingScope.CHAIN) {
            return new Target(state.chain(), ServiceCase.CHAIN_SLOT, RatingScope.CHAIN, target.chainId());
        }
        if (visitSlot != null) {
            return new Target(List.of(target), visitSlot, RatingScope.CASE, null);
        }
        if (target.batchId() != null) {
            return new Target(state.batch(), ServiceCase.CASE_SLOT, RatingScope.BATCH, target.batchId());
        }
        return new Target(List.of(target), ServiceCase.CASE_SLOT, RatingScope.CASE, null);
    }

    /** Step 4: one RatingSubmitted and one slot per case rated; the requested case keeps the request's id. */
    private static Decision ratingsFor(SubmitRating command, String ratingId, String evaluatorPseudonym, Form form,
            ServiceCase requested, Target target) {
        List<RatingSubmitted> ratings = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        for (ServiceCase c : target.cases()) {
            String id = c.caseNumber().equals(requested.caseNumber()) ? ratingId : derivedId(ratingId, c.caseNumber());
            slots.add(new Slot(c.caseNumber(), target.slot(), id));
            ratings.add(new RatingSubmitted(id, c.caseNumber(), c.kind(), c.itemCode(), c.institutionCode(),
                    c.windowOf(command.visitId()), c.staffOf(command.visitId()),
                    c.platformCode(), c.regionCode(), form.channel(), form.channel().nationalPf(), form.level(),
                    form.tags(), blankToNull(command.text()), form.dimensions(), form.evaluatorType(),
                    evaluatorPseudonym, RatingOrigin.EVALUATOR, NationalCodes.assessNumber(form.supplementary()),
                    form.ratedAt(), c.completedAt(), target.scope(), target.groupId(), command.visitId(), ratingId,
                    form.detailForm()));
        }
        return new Decision(List.of(), null, List.copyOf(ratings), List.copyOf(slots));
    }

    /** Every case of a batch or chain gets its own rating id, stable for the request's id (retries match). */
    public static String derivedId(String ratingId, String caseNumber) {
        return UUID.nameUUIDFromBytes((ratingId + "\n" + caseNumber).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Text alreadyRated(ServiceCase c, String slot) {
        return switch (slot) {
            case ServiceCase.CHAIN_SLOT -> Text.of("rating.alreadyRated.chain", c.caseNumber());
            case ServiceCase.CASE_SLOT -> Text.of(c.batchId() != null ? "rating.alreadyRated.batch"
                    : "rating.alreadyRated.case", c.caseNumber());
            default -> Text.of("rating.alreadyRated.visit", slot.substring("visit:".length()), c.caseNumber());
        };
    }

    private static List<String> visitIds(ServiceCase c) {
        return c.visits().stream().map(v -> v.visitId()).toList();
    }

    private static void sameAsCase(List<Violation> errors, String at, String given, String known) {
        if (given != null && !given.isBlank() && !Objects.equals(given.trim(), known)) {
            errors.add(Violation.of(at, "rating.notAsReported", given.trim(), known));
        }
    }

    /** R1.2: business and service, each at most once, each five-level; the overall rating is the main level. */
    private static List<DimensionRating> dimensions(List<Violation> errors, List<SubmitRating.DimensionInput> input,
            JurisdictionPolicy policy) {
        if (input == null) {
            return List.of();
        }
        List<DimensionRating> result = new ArrayList<>();
        Set<Dimension> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            String at = "/dimensions/" + i;
            SubmitRating.DimensionInput d = input.get(i);
            if (d == null) {
                errors.add(Violation.of(at, "rating.dimensionNull"));
                continue;
            }
            Dimension dimension = parseEnum(errors, at + "/dimension", d.dimension(), Dimension.class);
            if (d.dimension() == null) {
                errors.add(Violation.of(at + "/dimension", "rating.dimensionRequired"));
            } else if (dimension == Dimension.OVERALL) {
                errors.add(Violation.of(at + "/dimension", "rating.dimensionOverall"));
            } else if (dimension != null && !seen.add(dimension)) {
                errors.add(Violation.of(at + "/dimension", "rating.dimensionTwice", dimension));
            }
            if (d.level() == null || !RatingLevel.isValid(d.level())) {
                errors.add(Violation.of(at + "/level", "rating.dimensionLevelRange"));
            }
            List<String> tags = d.tags() == null ? List.of() : d.tags();
            checkTags(errors, at + "/tags", tags, policy);
            optionalText(errors, at + "/text", d.text(), TEXT_MAX);
            if (dimension != null && dimension != Dimension.OVERALL && d.level() != null
                    && RatingLevel.isValid(d.level()) && tags.stream().allMatch(Objects::nonNull)) {
                result.add(new DimensionRating(dimension, d.level(), tags, blankToNull(d.text())));
            }
        }
        return result;
    }

    /** R1.3: tags come from the jurisdiction's catalogue. */
    private static void checkTags(List<Violation> errors, String at, List<String> tags, JurisdictionPolicy policy) {
        if (tags.size() > TAGS_MAX) {
            errors.add(Violation.of(at, "rating.tagsTooMany", TAGS_MAX));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag == null || policy != null && !policy.hasTag(tag)) {
                errors.add(Violation.of(at + "/" + i, "rating.tagUnknown", tag));
            } else if (!seen.add(tag)) {
                errors.add(Violation.of(at + "/" + i, "rating.tagTwice", tag));
            }
        }
    }

    private static void requireText(List<Violation> errors, String at, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(Violation.of(at, "field.required"));
        } else if (value.length() > max) {
            errors.add(Violation.of(at, "field.tooLong", max));
        }
    }

    /** An identifier that must be given: letters, digits and - _ . : only (docs/security.md, "Input limits"). */
    static void requireIdentifier(List<Violation> errors, String at, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(Violation.of(at, "field.required"));
        } else {
            optionalIdentifier(errors, at, value.strip(), max);
        }
    }

    /** An identifier that may be absent or blank; given, it must be of the identifier set. */
    static void optionalIdentifier(List<Violation> errors, String at, String value, int max) {
        if (value != null && !value.isBlank() && !Identifiers.isValid(value.strip(), max)) {
            errors.add(Violation.of(at, "identifier.invalid", max));
        }
    }

    static void optionalText(List<Violation> errors, String at, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(Violation.of(at, "field.tooLong", max));
        }
    }

    static <E extends Enum<E>> E parseEnum(List<Violation> errors, String at, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        errors.add(Violation.of(at, "field.unknownValue", value, List.of(type.getEnumConstants())));
        return null;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
