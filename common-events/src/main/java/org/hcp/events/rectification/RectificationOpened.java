package org.hcp.events.rectification;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.hcp.events.Channel;
import org.hcp.events.EventPayload;

/**
 * RectificationOpened v1: R2.1 — an adopted bad review (level 1 or 2, from any evaluator channel; never a system
 * default) went at once to the unit that handled the case (谁办理谁负责). A batch or chain rating opens one
 * rectification listing every case. Keyed by rectification id on {@code hcp.rectifications}. No personal data: the
 * evaluator is only "real-name or not"; the rating's free text is not copied.
 *
 * @param rectificationId      stable for the rating (its source rating id), so a replay opens the same one
 * @param ratingIds            the ratings it answers (one per case of a batch or chain)
 * @param caseNumbers          the cases rated
 * @param realName             R2.5: the evaluator is known (a callback is owed); false for an anonymous rating
 * @param callbackDueAt        R2.2: first contact due; null when anonymous or the policy sets no term
 * @param deadlinesProvisional a deadline was counted on a year without an official calendar
 * @param feedbackDueAt        R2.4 (JE): feedback on a complex case is due this long after receipt, so it is owed
 *                             from the start until the unit classifies the case as not complex; null when the
 *                             policy sets no such term (and in events written before the term ran from receipt)
 */
public record RectificationOpened(
        @JsonProperty(required = true) String rectificationId,
        @JsonProperty(required = true) List<String> ratingIds,
        @JsonProperty(required = true) List<String> caseNumbers,
        @JsonProperty(required = true) int level,
        List<String> tags,
        @JsonProperty(required = true) Channel channel,
        @JsonProperty(required = true) String itemCode,
        @JsonProperty(required = true) String institutionCode,
        String windowCode,
        String staffId,
        @JsonProperty(required = true) String regionCode,
        @JsonProperty(required = true) boolean realName,
        @JsonProperty(required = true) Instant ratedAt,
        @JsonProperty(required = true) Instant openedAt,
        Instant callbackDueAt,
        boolean deadlinesProvisional,
        Instant feedbackDueAt) implements EventPayload {

    public RectificationOpened {
        ratingIds = List.copyOf(ratingIds);
        caseNumbers = List.copyOf(caseNumbers);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Without the R2.4 term from receipt: policies that set none. */
    public RectificationOpened(String rectificationId, List<String> ratingIds, List<String> caseNumbers, int level,
            List<String> tags, Channel channel, String itemCode, String institutionCode, String windowCode,
            String staffId, String regionCode, boolean realName, Instant ratedAt, Instant openedAt,
            Instant callbackDueAt, boolean deadlinesProvisional) {
        this(rectificationId, ratingIds, caseNumbers, level, tags, channel, itemCode, institutionCode, windowCode,
                staffId, regionCode, realName, ratedAt, openedAt, callbackDueAt, deadlinesProvisional, null);
    }
}
