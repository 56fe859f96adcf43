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
import org.hcp.events.NationalCodes;
import org.hcp.events.RatingLevel;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingScope;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.RegionCodes;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.kit.rest.Problem.FieldError;

/**
 * The pure core of rating intake: given a command, the case it is about (with the slots already taken), the
 * jurisdiction's policy and the time, decide the violations (422), the conflict (409) or the ratings to record.
 * No I/O, so every rule is tested in milliseconds; the database's unique slots settle races the read could not see.
 */
public final class RatingDecider {

    /** R5.4: 办件编号 an..50. */
    static final int CASE_NUMBER_MAX = 50;
    static final int CODE_MAX = 64;
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
    public record Decision(List<FieldError> violations, String conflict, List<RatingSubmitted> ratings,
            List<Slot> slots) {
        public boolean accepted() {
            return violations.isEmpty() && conflict == null;
        }

        static Decision invalid(List<FieldError> errors) {
            return new Decision(List.copyOf(errors), null, List.of(), List.of());
        }

        static Decision conflict(String why) {
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
        List<FieldError> errors = new ArrayList<>();
        Form form = readForm(command, now, policy, errors);
        if (!errors.isEmpty() || command.caseNumber() == null) {
            return Decision.invalid(errors);
        }
        // R5.5: the case is registered before its rating.
        if (state == null) {
            return Decision.invalid(List.of(new FieldError("/caseNumber", "办件不存在 / no completed case "
                    + command.caseNumber().trim() + " was reported; a business system reports it first "
                    + "(POST /api/v1/cases)")));
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
            List<FieldError> errors) {
        if (command.ratingId() != null && !RATING_ID.matcher(command.ratingId()).matches()) {
            errors.add(new FieldError("/ratingId", "评价编号格式错误 / ratingId must be 1-64 letters, digits or _.:-"));
        }
        requireText(errors, "/caseNumber", command.caseNumber(), CASE_NUMBER_MAX, "办件编号 / case number");
        optionalText(errors, "/itemCode", command.itemCode(), CODE_MAX);
        optionalText(errors, "/institutionCode", command.institutionCode(), CODE_MAX);
        optionalText(errors, "/windowCode", command.windowCode(), CODE_MAX);
        optionalText(errors, "/staffId", command.staffId(), CODE_MAX);
        optionalText(errors, "/platformCode", command.platformCode(), CODE_MAX);
        if (command.regionCode() != null && !RegionCodes.isCode(command.regionCode())) {
            errors.add(new FieldError("/regionCode",
                    "行政区划代码须为6、9或12位数字 / regionCode must be a GB/T 2260 code of 6, 9 or 12 digits"));
        }

        // R1.8: only known channels.
        Channel channel = Channel.parse(command.channel());
        if (command.channel() == null) {
            errors.add(new FieldError("/channel", "评价渠道必填 / channel is required"));
        } else if (channel == null || channel == Channel.SYSTEM_DEFAULT) {
            errors.add(new FieldError("/channel", "未知的评价渠道 / unknown channel '" + command.channel()
                    + "'; known: " + Channel.evaluatorChannels()));
            channel = null;
        }
        RatingScope scope = parseEnum(errors, "/scope", command.scope(), RatingScope.class);
        if (scope == RatingScope.BATCH) {
            errors.add(new FieldError("/scope", "批量评价无需声明 / a batch case is rated for its whole batch "
                    + "by itself (R1.5); scope is CASE or CHAIN"));
        }

        // R1.1: five levels.
        Integer level = command.level();
        if (level == null) {
            errors.add(new FieldError("/level", "评价等级必填 / level is required (1-5)"));
        } else if (!RatingLevel.isValid(level)) {
            errors.add(new FieldError("/level", "评价等级须为1至5 / level must be 1 to 5, was " + level));
        }
        boolean bad = level != null && RatingLevel.isValid(level) && RatingLevel.isBad(level);
        List<String> tags = command.tags() == null ? List.of() : command.tags();
        checkTags(errors, "/tags", tags, policy);
        // R1.3: a bad review picks at least one bad-review indicator; a good review needs nothing more.
        if (bad && tags.isEmpty()) {
            errors.add(new FieldError("/tags",
                    "差评须至少选择一项差评指标 / a bad review (level 1 or 2) needs at least one tag (R1.3)"));
        }
        if (!bad && level != null && RatingLevel.isValid(level) && !tags.isEmpty()) {
            errors.add(new FieldError("/tags", "好评无需差评指标 / bad-review indicators belong to a level 1 or 2 "
                    + "rating only (R1.3); tags of a dimension go on that dimension (R1.2)"));
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
                errors.add(new FieldError("/evaluator/id", "评价人标识不能为空 / evaluator.id must not be blank"));
            }
        }
        Instant ratedAt = command.ratedAt() == null ? now : command.ratedAt();
        if (ratedAt.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError("/ratedAt", "评价时间不能晚于当前时间 / ratedAt is in the future"));
        }
        boolean supplementary = Boolean.TRUE.equals(command.supplementary());
        if (supplementary && channel != null && !ONLINE.contains(channel)) {
            errors.add(new FieldError("/supplementary", "补充评价须通过网上渠道 / a supplementary rating is made "
                    + "online (R1.7): one of " + ONLINE));
        }
        return new Form(channel, scope, level, tags, dimensions, detailForm, evaluatorType, ratedAt, supplementary);
    }

    /**
     * Step 2: the request against its case (R1.4, R1.6, R1.7): what it names must match, a promised case is rated per
     * visit, after the handling and within the period. Answers the visit's slot, or null for the case's own.
     */
    private static String checkAgainstCase(SubmitRating command, Form form, ServiceCase target,
            JurisdictionPolicy policy, List<FieldError> errors) {
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
                errors.add(new FieldError("/visitId", "承诺件按窗口来访评价 / a promised case is rated once per "
                        + "window visit (R1.4); visitId is one of " + visitIds(target)));
            } else {
                var visit = target.visits().stream().filter(v -> v.visitId().equals(command.visitId())).findFirst();
                if (visit.isEmpty()) {
                    errors.add(new FieldError("/visitId", "来访记录不存在 / case " + target.caseNumber()
                            + " has no visit " + command.visitId() + "; visits: " + visitIds(target)));
                } else {
                    ratedFrom = visit.get().visitedAt();
                    visitSlot = ServiceCase.visitSlot(command.visitId());
                    sameAsCase(errors, "/windowCode", command.windowCode(), visit.get().windowCode());
                }
            }
        } else {
            if (command.visitId() != null) {
                errors.add(new FieldError("/visitId", "该办件一次一评 / case " + target.caseNumber() + " ("
                        + target.kind() + ") gets exactly one rating, not one per visit (R1.4)"));
            }
            sameAsCase(errors, "/windowCode", command.windowCode(), target.windowCode());
        }
        if (ratedAt.isBefore(ratedFrom.minus(CLOCK_SKEW))) {
            errors.add(new FieldError("/ratedAt", "办结后方可评价 / a case is rated after it was handled (R1.4): "
                    + "ratedAt is before " + ratedFrom));
        }
        // R1.7: a rating not given on the spot may still come, within the jurisdiction's period.
        if (target.supplementaryUntil() != null && ratedAt.isAfter(target.supplementaryUntil())) {
            errors.add(new FieldError("/ratedAt", "已超过补充评价期限 / the period for rating this case ended at "
                    + target.supplementaryUntil() + " (R1.7, " + policy.supplementaryRatingPeriod() + ")"));
        }
        if (form.scope() == RatingScope.CHAIN && target.chainId() == null) {
            errors.add(new FieldError("/scope", "该办件不属于主题式服务 / case " + target.caseNumber()
                    + " is not part of a chain (R1.6)"));
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

    static String alreadyRated(ServiceCase c, String slot) {
        return switch (slot) {
            case ServiceCase.CHAIN_SLOT -> "办件 " + c.caseNumber() + " 所在主题已评价 / the chain of case "
                    + c.caseNumber() + " already has its overall rating (R1.6)";
            case ServiceCase.CASE_SLOT -> "办件 " + c.caseNumber() + " 已评价 / case " + c.caseNumber()
                    + " already has its one rating (R1.4" + (c.batchId() != null ? ", batch R1.5" : "") + ")";
            default -> "该次来访已评价 / visit " + slot.substring("visit:".length()) + " of case " + c.caseNumber()
                    + " is already rated (R1.4)";
        };
    }

    private static List<String> visitIds(ServiceCase c) {
        return c.visits().stream().map(v -> v.visitId()).toList();
    }

    private static void sameAsCase(List<FieldError> errors, String at, String given, String known) {
        if (given != null && !given.isBlank() && !Objects.equals(given.trim(), known)) {
            errors.add(new FieldError(at, "与办件登记不一致 / does not match the reported case: '" + given.trim()
                    + "' given, the case says '" + known + "'"));
        }
    }

    /** R1.2: business and service, each at most once, each five-level; the overall rating is the main level. */
    private static List<DimensionRating> dimensions(List<FieldError> errors, List<SubmitRating.DimensionInput> input,
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
                errors.add(new FieldError(at, "维度评价不能为空 / a dimension rating must not be null"));
                continue;
            }
            Dimension dimension = parseEnum(errors, at + "/dimension", d.dimension(), Dimension.class);
            if (d.dimension() == null) {
                errors.add(new FieldError(at + "/dimension", "维度必填 / dimension is required (BUSINESS or SERVICE)"));
            } else if (dimension == Dimension.OVERALL) {
                errors.add(new FieldError(at + "/dimension",
                        "总体评价即 level 字段 / the overall rating is the top-level 'level'"));
            } else if (dimension != null && !seen.add(dimension)) {
                errors.add(new FieldError(at + "/dimension", "维度重复 / dimension " + dimension + " given twice"));
            }
            if (d.level() == null || !RatingLevel.isValid(d.level())) {
                errors.add(new FieldError(at + "/level", "维度评价等级须为1至5 / level must be 1 to 5"));
            }
            List<String> tags = d.tags() == null ? List.of() : d.tags();
            checkTags(errors, at + "/tags", tags, policy);
            optionalText(errors, at + "/text", d.text(), TEXT_MAX);
            if (dimension != null && dimension != Dimension.OVERALL && d.level() != null
                    && RatingLevel.isValid(d.level())) {
                result.add(new DimensionRating(dimension, d.level(), tags, blankToNull(d.text())));
            }
        }
        return result;
    }

    /** R1.3: tags come from the jurisdiction's catalogue. */
    private static void checkTags(List<FieldError> errors, String at, List<String> tags, JurisdictionPolicy policy) {
        if (tags.size() > TAGS_MAX) {
            errors.add(new FieldError(at, "差评指标过多 / at most " + TAGS_MAX + " tags"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag == null || policy != null && !policy.hasTag(tag)) {
                errors.add(new FieldError(at + "/" + i, "不在本地差评指标目录中 / '" + tag + "' is not in the "
                        + "jurisdiction's tag catalogue (R1.3); see GET /api/v1/policies/{regionCode}"));
            } else if (!seen.add(tag)) {
                errors.add(new FieldError(at + "/" + i, "差评指标重复 / tag " + tag + " given twice"));
            }
        }
    }

    private static void requireText(List<FieldError> errors, String at, String value, int max, String what) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(at, what + " 必填 / is required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(at, what + " 过长 / is longer than " + max + " characters"));
        }
    }

    static void optionalText(List<FieldError> errors, String at, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(at, "内容过长 / is longer than " + max + " characters"));
        }
    }

    static <E extends Enum<E>> E parseEnum(List<FieldError> errors, String at, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        errors.add(new FieldError(at, "取值无效 / unknown value '" + value + "'; known: "
                + List.of(type.getEnumConstants())));
        return null;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
