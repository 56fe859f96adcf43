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
        boolean deadlinesProvisional) implements EventPayload {

    public RectificationOpened {
        ratingIds = List.copyOf(ratingIds);
        caseNumbers = List.copyOf(caseNumbers);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
