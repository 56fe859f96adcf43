package org.hcp.events.bulletin;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
 * @param contentHash      SHA-256 (hex) of the canonical JSON of everything above and below but the time, keys sorted
 * @param publishedAt      when it was published
 * @param issuer           the issuing bureau (the policy's {@code bulletin.issuer} for the region); absent in bulletins
 *                         published before issue 30, as are the fields below
 * @param documentNumber   its document number (the policy's {@code bulletin.documentNumber})
 * @param minimumRatings   the policy's minimum sample: ranked units with rank 0 had fewer ratings (样本不足)
 * @param previousMonth    the scope's figures in the month before, as of the same cut-off (month-on-month)
 * @param sameMonthLastYear the scope's figures in the same month a year before, as of the same cut-off
 * @param districts        a city's bulletin: each of its county-level regions with its figures
 * @param districtRanking  a city's bulletin: its county-level regions ranked fairly (R4.5)
 * @param warned           R4.4: the ranked units at the bottom in each of the policy's consecutive months to this one
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
        @JsonProperty(required = true) Instant publishedAt,
        String issuer,
        String documentNumber,
        Integer minimumRatings,
        Map<String, Number> previousMonth,
        Map<String, Number> sameMonthLastYear,
        List<AreaFigures> districts,
        List<RankedUnit> districtRanking,
        List<WarnedUnit> warned) implements EventPayload {

    public BulletinPublished {
        // Maps kept as given (not copied into Map.copyOf's unordered form): their order is the published order.
        ratingsByChannel = ratingsByChannel == null ? Map.of() : ratingsByChannel;
        ranking = ranking == null ? List.of() : List.copyOf(ranking);
        topTags = topTags == null ? List.of() : List.copyOf(topTags);
        // Left null when absent: a bulletin published before these fields existed hashes as it did (null is not
        // written).
        districts = districts == null ? null : List.copyOf(districts);
        districtRanking = districtRanking == null ? null : List.copyOf(districtRanking);
        warned = warned == null ? null : List.copyOf(warned);
    }

    /** This bulletin with another hash and time of publication. */
    public BulletinPublished withHash(String hash, Instant at) {
        return new BulletinPublished(bulletinId, month, scope, scopeCode, scopeName, regionCode, figures,
                ratingsByChannel, ranking, topTags, hash, at, issuer, documentNumber, minimumRatings, previousMonth,
                sameMonthLastYear, districts, districtRanking, warned);
    }

    /** Whether this is a city's bulletin, which compares its districts; not a field (never written, never hashed). */
    @JsonIgnore
    public boolean isCityWide() {
        return districts != null;
    }

    /** R4.4: a unit warned, with its rank and how many were ranked in each month, oldest first. */
    public record WarnedUnit(String unit, String name, List<Integer> ranks, List<Integer> of) {
    }

    /** A county-level region of a city's bulletin, with its figures as {@code figures}. */
    public record AreaFigures(String code, String name, Map<String, Number> figures) {
    }

    /** One unit of the fair ranking as published, with its name at the month's end; rank 0: not ranked (样本不足). */
    public record RankedUnit(int rank, String unit, String name, long ratings, double rawRate, double index,
            double lower, double upper) {

        /** Whether the unit had the minimum sample and was placed; not a field (never written, never hashed). */
        @JsonIgnore
        public boolean isRanked() {
            return rank > 0;
        }
    }

    /** One bad-review tag as published: its code, its name in the catalogue, its count and share. */
    public record TagCount(String tag, String name, long count, Double share) {
    }
}
