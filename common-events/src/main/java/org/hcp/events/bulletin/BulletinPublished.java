package org.hcp.events.bulletin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hcp.events.EventPayload;

/**
 * BulletinPublished v1: R4.3 / R4.7 — the monthly bulletin of a county or an institution, with every figure it shows,
 * frozen: a later change to that month (an upheld appeal, a late rating) never alters it and is shown beside it as
 * an erratum. Keyed by bulletin id on {@code hcp.bulletins}; reporting-service publishes it once per id. Aggregates
 * only: no evaluator, no free text.
 *
 * @param bulletinId       {@code <month>/<scope>/<code>}, e.g. {@code 2025-03/REGION/220202}
 * @param month            the month, {@code YYYY-MM}
 * @param scopeCode        the region code (REGION) or the institution code (INSTITUTION)
 * @param scopeName        the scope's name in the directory at the month's end (R4.2); null when it has none
 * @param regionCode       the region the scope lies in (the scope's own code for a region)
 * @param figures          every R4.1 figure by name (docs/figures.md); a rate with no denominator is absent
 * @param ratingsByChannel adopted ratings per channel
 * @param ranking          the fair ranking (R4.5) of the institutions of a region, or the staff of an institution
 * @param topTags          the most used bad-review tags (R4.6)
 * @param contentHash      SHA-256 (hex) of the canonical JSON of everything above, keys sorted
 * @param publishedAt      when it was published
 */
public record BulletinPublished(
        @JsonProperty(required = true) String bulletinId,
        @JsonProperty(required = true) String month,
        @JsonProperty(required = true) BulletinScope scope,
        @JsonProperty(required = true) String scopeCode,
        String scopeName,
        @JsonProperty(required = true) String regionCode,
        @JsonProperty(required = true) Map<String, Number> figures,
        Map<String, Long> ratingsByChannel,
        List<RankedUnit> ranking,
        List<TagCount> topTags,
        @JsonProperty(required = true) String contentHash,
        @JsonProperty(required = true) Instant publishedAt) implements EventPayload {

    public BulletinPublished {
        // Maps kept as given (not copied into Map.copyOf's unordered form): their order is the published order.
        ratingsByChannel = ratingsByChannel == null ? Map.of() : ratingsByChannel;
        ranking = ranking == null ? List.of() : List.copyOf(ranking);
        topTags = topTags == null ? List.of() : List.copyOf(topTags);
    }

    /** One unit of the fair ranking as published, with its name at the month's end. */
    public record RankedUnit(int rank, String unit, String name, long ratings, double rawRate, double index,
            double lower, double upper) {
    }

    /** One bad-review tag as published: its code, its name in the catalogue, its count and share. */
    public record TagCount(String tag, String name, long count, Double share) {
    }
}
