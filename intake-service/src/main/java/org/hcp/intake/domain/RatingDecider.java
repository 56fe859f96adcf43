package org.hcp.intake.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hcp.events.CaseKind;
import org.hcp.events.Channel;
import org.hcp.events.Dimension;
import org.hcp.events.DimensionRating;
import org.hcp.events.EvaluatorType;
import org.hcp.events.NationalCodes;
import org.hcp.events.RatingLevel;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.RegionCodes;
import org.hcp.kit.rest.Problem.FieldError;

/**
 * The pure core of intake: given a command, the time and the evaluator's pseudonym, either the violations or the
 * {@link RatingSubmitted} to record. No I/O, so every rule is tested in milliseconds.
 */
public final class RatingDecider {

    /** R5.4: 办件编号 an..50. */
    static final int CASE_NUMBER_MAX = 50;
    static final int CODE_MAX = 64;
    static final int TEXT_MAX = 2000;
    static final int TAGS_MAX = 20;
    static final int TAG_MAX = 32;
    static final Pattern RATING_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");
    /** Devices' clocks drift: a rating time a little ahead of ours is accepted, further is an error. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private RatingDecider() {
    }

    /** The outcome: exactly one of {@code violations} (non-empty) or {@code rating}. */
    public record Decision(List<FieldError> violations, RatingSubmitted rating) {
        public boolean accepted() {
            return violations.isEmpty();
        }
    }

    public static Decision decide(SubmitRating command, String ratingId, String evaluatorPseudonym, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (command.ratingId() != null && !RATING_ID.matcher(command.ratingId()).matches()) {
            errors.add(new FieldError("/ratingId", "评价编号格式错误 / ratingId must be 1-64 letters, digits or _.:-"));
        }
        requireText(errors, "/caseNumber", command.caseNumber(), CASE_NUMBER_MAX, "办件编号 / case number");
        requireText(errors, "/itemCode", command.itemCode(), CODE_MAX, "事项编码 / service item code");
        requireText(errors, "/institutionCode", command.institutionCode(), CODE_MAX, "机构编码 / institution code");
        optionalText(errors, "/windowCode", command.windowCode(), CODE_MAX);
        optionalText(errors, "/staffId", command.staffId(), CODE_MAX);
        optionalText(errors, "/platformCode", command.platformCode(), CODE_MAX);
        if (command.regionCode() == null || command.regionCode().isBlank()) {
            errors.add(new FieldError("/regionCode", "行政区划代码必填 / regionCode is required"));
        } else if (!RegionCodes.isCode(command.regionCode())) {
            errors.add(new FieldError("/regionCode",
                    "行政区划代码须为6、9或12位数字 / regionCode must be a GB/T 2260 code of 6, 9 or 12 digits"));
        }

        // R1.8: only known channels.
        Channel channel = Channel.parse(command.channel());
        if (command.channel() == null) {
            errors.add(new FieldError("/channel", "评价渠道必填 / channel is required"));
        } else if (channel == null) {
            errors.add(new FieldError("/channel", "未知的评价渠道 / unknown channel '" + command.channel()
                    + "'; known: " + List.of(Channel.values())));
        }
        CaseKind caseKind = parseEnum(errors, "/caseKind", command.caseKind(), CaseKind.class);

        // R1.1: five levels.
        Integer level = command.level();
        if (level == null) {
            errors.add(new FieldError("/level", "评价等级必填 / level is required (1-5)"));
        } else if (!RatingLevel.isValid(level)) {
            errors.add(new FieldError("/level", "评价等级须为1至5 / level must be 1 to 5, was " + level));
        }
        List<String> tags = command.tags() == null ? List.of() : command.tags();
        checkTags(errors, "/tags", tags);
        // R1.3: a bad review picks at least one bad-review indicator.
        if (level != null && RatingLevel.isValid(level) && RatingLevel.isBad(level) && tags.isEmpty()) {
            errors.add(new FieldError("/tags",
                    "差评须至少选择一项差评指标 / a bad review (level 1 or 2) needs at least one tag (R1.3)"));
        }
        optionalText(errors, "/text", command.text(), TEXT_MAX);
        List<DimensionRating> dimensions = dimensions(errors, command.dimensions());

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
        if (command.caseCompletedAt() != null && command.caseCompletedAt().isAfter(ratedAt.plus(CLOCK_SKEW))) {
            errors.add(new FieldError("/caseCompletedAt",
                    "办结时间不能晚于评价时间 / caseCompletedAt is after ratedAt"));
        }
        if (!errors.isEmpty()) {
            return new Decision(List.copyOf(errors), null);
        }
        return new Decision(List.of(), new RatingSubmitted(
                ratingId,
                command.caseNumber().trim(),
                caseKind,
                command.itemCode().trim(),
                command.institutionCode().trim(),
                blankToNull(command.windowCode()),
                blankToNull(command.staffId()),
                blankToNull(command.platformCode()),
                command.regionCode(),
                channel,
                channel.nationalPf(),
                level,
                tags,
                blankToNull(command.text()),
                dimensions,
                evaluatorType,
                evaluatorPseudonym,
                RatingOrigin.EVALUATOR,
                NationalCodes.assessNumber(Boolean.TRUE.equals(command.supplementary())),
                ratedAt,
                command.caseCompletedAt()));
    }

    /** R1.2: business and service, each at most once, each five-level; the overall rating is the main level. */
    private static List<DimensionRating> dimensions(List<FieldError> errors, List<SubmitRating.DimensionInput> input) {
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
            checkTags(errors, at + "/tags", tags);
            optionalText(errors, at + "/text", d.text(), TEXT_MAX);
            if (dimension != null && dimension != Dimension.OVERALL && d.level() != null
                    && RatingLevel.isValid(d.level())) {
                result.add(new DimensionRating(dimension, d.level(), tags, blankToNull(d.text())));
            }
        }
        return result;
    }

    private static void checkTags(List<FieldError> errors, String at, List<String> tags) {
        if (tags.size() > TAGS_MAX) {
            errors.add(new FieldError(at, "差评指标过多 / at most " + TAGS_MAX + " tags"));
        }
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag == null || tag.isBlank() || tag.length() > TAG_MAX) {
                errors.add(new FieldError(at + "/" + i, "差评指标编码无效 / a tag is a code of 1-" + TAG_MAX + " characters"));
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

    private static void optionalText(List<FieldError> errors, String at, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(at, "内容过长 / is longer than " + max + " characters"));
        }
    }

    private static <E extends Enum<E>> E parseEnum(List<FieldError> errors, String at, String value, Class<E> type) {
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
