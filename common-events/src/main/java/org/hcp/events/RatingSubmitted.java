package org.hcp.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * RatingSubmitted v1: one rating of one handled case, as intake accepted it.
 *
 * <p>Carries the national data items (R5.4, R5.5) so that province sync needs nothing else. No personal data:
 * the evaluator is a keyed pseudonym ({@code evaluatorPseudonym}), null for an anonymous rating (R1.10).
 *
 * @param ratingId           the rating's id; the topic key
 * @param caseNumber         办件编号 (an..50)
 * @param caseKind           R1.4; null when the channel did not say
 * @param itemCode           national service item code 事项编码
 * @param institutionCode    the institution that handled the case
 * @param windowCode         the window, when rated at one
 * @param staffId            the staff member who served, when known
 * @param platformCode       the platform (business system, app, hotline), when known
 * @param regionCode         GB/T 2260 code, 6 to 12 digits; roll-ups follow its prefix (R4.2)
 * @param channel            R1.8
 * @param channelPf          R5.5 {@code pf}, from {@link Channel#nationalPf()}
 * @param level              overall level 1..5, 5 = very satisfied (R1.1)
 * @param tags               bad-review indicators (R1.3), tag codes of the jurisdiction's catalogue
 * @param text               free text 文字评价
 * @param dimensions         business and service ratings (R1.2)
 * @param evaluatorType      R5.5 {@code userProp}; null when unknown
 * @param evaluatorPseudonym keyed hash of the evaluator's identity; null when anonymous
 * @param origin             R1.9: evaluator or system-made default rating
 * @param assessNumber       R5.5: 1 first rating, 2 follow-up (R1.7)
 * @param ratedAt            评价时间
 * @param caseCompletedAt    when the case was completed, when the channel knows it
 * @param scope              R1.5/R1.6: CASE, or the BATCH or CHAIN the rating was given for; null in events
 *                           written before it existed, which mean CASE
 * @param groupId            the batch or chain id when scope is BATCH or CHAIN
 * @param visitId            R1.4: the window visit of a promised case this rating is for
 * @param sourceRatingId     the rating id the evaluator's request had; every case of a batch or chain shares it
 * @param detailForm         R1.2: the optional detail form of an online rating; null when not filled in
 */
public record RatingSubmitted(
        @JsonProperty(required = true) String ratingId,
        @JsonProperty(required = true) String caseNumber,
        CaseKind caseKind,
        @JsonProperty(required = true) String itemCode,
        @JsonProperty(required = true) String institutionCode,
        String windowCode,
        String staffId,
        String platformCode,
        @JsonProperty(required = true) String regionCode,
        @JsonProperty(required = true) Channel channel,
        @JsonProperty(required = true) int channelPf,
        @JsonProperty(required = true) int level,
        List<String> tags,
        String text,
        List<DimensionRating> dimensions,
        EvaluatorType evaluatorType,
        String evaluatorPseudonym,
        @JsonProperty(required = true) RatingOrigin origin,
        @JsonProperty(required = true) int assessNumber,
        @JsonProperty(required = true) Instant ratedAt,
        Instant caseCompletedAt,
        RatingScope scope,
        String groupId,
        String visitId,
        String sourceRatingId,
        DetailForm detailForm) implements EventPayload {

    public RatingSubmitted {
        tags = tags == null ? List.of() : List.copyOf(tags);
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    }
}
