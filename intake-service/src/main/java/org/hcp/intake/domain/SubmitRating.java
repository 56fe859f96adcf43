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
