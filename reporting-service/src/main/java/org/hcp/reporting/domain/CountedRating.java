package org.hcp.reporting.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingSubmitted;
import org.hcp.kit.config.Clocks;

/** What statistics need of a rating: where and when it counts, and at which level. */
public record CountedRating(String ratingId, UUID eventId, String regionCode, String institutionCode, String channel,
        int level, String origin, LocalDate day) {

    /** The statistics day is the rating's own day in China, not the day we happened to read it. */
    public static CountedRating of(EventEnvelope<RatingSubmitted> event) {
        RatingSubmitted rating = event.payload();
        return new CountedRating(rating.ratingId(), event.eventId(), rating.regionCode(), rating.institutionCode(),
                rating.channel().name(), rating.level(), rating.origin().name(),
                rating.ratedAt().atZone(Clocks.CHINA).toLocalDate());
    }
}
