package org.hcp.intake.domain;

import java.time.Instant;
import java.util.List;
import org.hcp.events.DetailForm;

/**
 * The command a channel sends: one rating of one handled case (the JSON body of {@code POST /api/v1/ratings}).
 * Every field is nullable here; {@link RatingDecider} says which are required and why.
 *
 * @param ratingId     optional client-chosen id; a retry with the same id returns the first answer
 * @param level        overall level 1..5, 5 = 非常满意 (R1.1)
 * @param tags         bad-review indicators (R1.3); required for levels 1 and 2
 * @param dimensions   business and service ratings (R1.2)
 * @param evaluator    who rated; omitted for an anonymous rating (R1.10)
 * @param supplementary true for a later, supplementary rating made online (R1.7; national assessNumber 2)
 * @param visitId      R1.4: the window visit of a promised case being rated
 * @param scope        CASE (default) or CHAIN: R1.6, one overall rating for every item of the case's chain.
 *                     A case of a batch is always rated for the whole batch (R1.5).
 * @param detailForm   R1.2: the optional detail form (guidance, procedure, materials, interface, suggestions)
 */
public record SubmitRating(
        String ratingId,
        String caseNumber,
        String caseKind,
        String itemCode,
        String institutionCode,
        String windowCode,
        String staffId,
        String platformCode,
        String regionCode,
        String channel,
        Integer level,
        List<String> tags,
        String text,
        List<DimensionInput> dimensions,
        EvaluatorInput evaluator,
        Boolean supplementary,
        Instant ratedAt,
        Instant caseCompletedAt,
        String visitId,
        String scope,
        DetailForm detailForm) {

    /** A command built field by field: channels and tests name what they set, the rest stays null. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this command's fields, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.ratingId = ratingId;
        b.caseNumber = caseNumber;
        b.caseKind = caseKind;
        b.itemCode = itemCode;
        b.institutionCode = institutionCode;
        b.windowCode = windowCode;
        b.staffId = staffId;
        b.platformCode = platformCode;
        b.regionCode = regionCode;
        b.channel = channel;
        b.level = level;
        b.tags = tags;
        b.text = text;
        b.dimensions = dimensions;
        b.evaluator = evaluator;
        b.supplementary = supplementary;
        b.ratedAt = ratedAt;
        b.caseCompletedAt = caseCompletedAt;
        b.visitId = visitId;
        b.scope = scope;
        b.detailForm = detailForm;
        return b;
    }

    public static final class Builder {
        private String ratingId;
        private String caseNumber;
        private String caseKind;
        private String itemCode;
        private String institutionCode;
        private String windowCode;
        private String staffId;
        private String platformCode;
        private String regionCode;
        private String channel;
        private Integer level;
        private List<String> tags;
        private String text;
        private List<DimensionInput> dimensions;
        private EvaluatorInput evaluator;
        private Boolean supplementary;
        private Instant ratedAt;
        private Instant caseCompletedAt;
        private String visitId;
        private String scope;
        private DetailForm detailForm;

        private Builder() {
        }

        public Builder ratingId(String ratingId) {
            this.ratingId = ratingId;
            return this;
        }

        public Builder caseNumber(String caseNumber) {
            this.caseNumber = caseNumber;
            return this;
        }

        public Builder caseKind(String caseKind) {
            this.caseKind = caseKind;
            return this;
        }

        public Builder itemCode(String itemCode) {
            this.itemCode = itemCode;
            return this;
        }

        public Builder institutionCode(String institutionCode) {
            this.institutionCode = institutionCode;
            return this;
        }

        public Builder windowCode(String windowCode) {
            this.windowCode = windowCode;
            return this;
        }

        public Builder staffId(String staffId) {
            this.staffId = staffId;
            return this;
        }

        public Builder platformCode(String platformCode) {
            this.platformCode = platformCode;
            return this;
        }

        public Builder regionCode(String regionCode) {
            this.regionCode = regionCode;
            return this;
        }

        public Builder channel(String channel) {
            this.channel = channel;
            return this;
        }

        public Builder level(Integer level) {
            this.level = level;
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder dimensions(List<DimensionInput> dimensions) {
            this.dimensions = dimensions;
            return this;
        }

        public Builder evaluator(EvaluatorInput evaluator) {
            this.evaluator = evaluator;
            return this;
        }

        public Builder supplementary(Boolean supplementary) {
            this.supplementary = supplementary;
            return this;
        }

        public Builder ratedAt(Instant ratedAt) {
            this.ratedAt = ratedAt;
            return this;
        }

        public Builder caseCompletedAt(Instant caseCompletedAt) {
            this.caseCompletedAt = caseCompletedAt;
            return this;
        }

        public Builder visitId(String visitId) {
            this.visitId = visitId;
            return this;
        }

        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        public Builder detailForm(DetailForm detailForm) {
            this.detailForm = detailForm;
            return this;
        }

        public SubmitRating build() {
            return new SubmitRating(ratingId, caseNumber, caseKind, itemCode, institutionCode, windowCode, staffId,
                    platformCode, regionCode, channel, level, tags, text, dimensions, evaluator, supplementary, ratedAt,
                    caseCompletedAt, visitId, scope, detailForm);
        }
    }

    /** R1.2: a business or service rating, with optional tags and text. */
    public record DimensionInput(String dimension, Integer level, List<String> tags, String text) {
    }

    /**
     * The evaluator as the channel knows them. {@code id} (an account id or certificate number) is personal data:
     * it is turned into a keyed pseudonym at once and never stored or published in plaintext.
     */
    public record EvaluatorInput(String type, String id) {
    }
}
