package org.hcp.sync.province;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.hcp.events.Channel;

/**
 * How one province's platform codes what we send it (R5.5), as data (docs/sync.md): the {@code pf} of each channel,
 * how the system's default rating (R1.9) is told apart from a person's, and the review-status values. Checked when
 * read: every channel a person rates through has a code, and a default rating can never pass for a kiosk rating.
 *
 * @param defaultRating the default rating's {@code pf}; when another channel shares it, a marker field must be set
 * @param appStatus     the {@code appStatus} values of an adopted and a not-adopted rating (R3.4)
 * @param followUpRating whether and how a follow-up rating (追评, FollowUpRated) is sent; null: not sent
 */
public record ProvinceProfile(
        @JsonProperty(required = true) String id,
        String description,
        @JsonProperty(required = true) Map<Channel, Integer> pf,
        @JsonProperty(required = true) DefaultRating defaultRating,
        @JsonProperty(required = true) AppStatus appStatus,
        FollowUpRating followUpRating) {

    /** @param markerField null when {@code pf} alone marks a default rating */
    public record DefaultRating(int pf, String markerField, String markerValue) {
    }

    public record AppStatus(String adopted, String notAdopted) {
    }

    /**
     * A follow-up rating goes as an {@code evaluate} item of its own with this {@code assessNumber}, naming the rating
     * it follows up in {@code linkField}.
     */
    public record FollowUpRating(int assessNumber, String linkField) {
    }

    public ProvinceProfile {
        pf = pf == null ? Map.of() : Map.copyOf(pf);
        for (Channel channel : Channel.evaluatorChannels()) {
            if (!pf.containsKey(channel)) {
                throw new IllegalArgumentException("profile " + id + ": no pf for channel " + channel);
            }
        }
        if (defaultRating == null || appStatus == null) {
            throw new IllegalArgumentException("profile " + id + ": defaultRating and appStatus are required");
        }
        boolean shared = pf.entrySet().stream()
                .anyMatch(e -> e.getKey() != Channel.SYSTEM_DEFAULT && e.getValue() == defaultRating.pf());
        boolean marked = defaultRating.markerField() != null && !defaultRating.markerField().isBlank()
                && defaultRating.markerValue() != null;
        if (shared && !marked) {
            // R1.9: a province must be able to tell the system's default rating from one a person gave.
            throw new IllegalArgumentException("profile " + id + ": the default rating's pf " + defaultRating.pf()
                    + " is also a channel's, and no markerField tells them apart");
        }
    }

    /** R5.5 {@code pf} of a person's rating through {@code channel}, or of the system's default rating. */
    public int pfOf(Channel channel, boolean defaultRating) {
        return defaultRating ? this.defaultRating.pf() : pf.get(channel);
    }
}
