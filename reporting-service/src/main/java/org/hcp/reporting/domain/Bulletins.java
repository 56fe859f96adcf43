package org.hcp.reporting.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.hcp.events.EventJson;
import org.hcp.events.bulletin.BulletinPublished;
import org.hcp.events.bulletin.BulletinScope;

/**
 * R4.3 / R4.7: what a monthly bulletin says, and how a frozen bulletin differs from the figures now (its errata).
 * Pure: the service gathers the figures, this makes the bulletin.
 */
public final class Bulletins {

    private static final ObjectMapper CANONICAL = EventJson.mapper().copy()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** The figures bulletins carry since issue 30 (the follow-up ratings, 追评). */
    private static final java.util.Set<String> FOLLOW_UP_FIGURES = java.util.Set.of("followUps", "followUpsSatisfied",
            "followUpSatisfactionRate");

    private Bulletins() {
    }

    public static String id(YearMonth month, BulletinScope scope, String code) {
        return month + "/" + scope.name() + "/" + code;
    }

    /** Every scalar figure by name, in {@link Figures}' order; levels as {@code byLevel.N}. */
    public static Map<String, Number> figures(Figures f) {
        Map<String, Number> out = new LinkedHashMap<>();
        out.put("ratings", f.ratings());
        f.byLevel().forEach((level, n) -> out.put("byLevel." + level, n));
        out.put("activeRatings", f.activeRatings());
        out.put("defaultRatings", f.defaultRatings());
        out.put("satisfied", f.satisfied());
        out.put("good", f.good());
        out.put("bad", f.bad());
        out.put("goodRate", f.goodRate());
        out.put("activeGoodRate", f.activeGoodRate());
        out.put("satisfactionRate", f.satisfactionRate());
        out.put("badRate", f.badRate());
        out.put("unratedRate", f.unratedRate());
        out.put("completedCases", f.completedCases());
        out.put("ratedCases", f.ratedCases());
        out.put("coverage", f.coverage());
        out.put("rectifications", f.rectifications());
        out.put("rectified", f.rectified());
        out.put("rectificationRate", f.rectificationRate());
        out.put("rectifiedOnTime", f.rectifiedOnTime());
        out.put("onTimeRate", f.onTimeRate());
        out.put("realNameBadReviews", f.realNameBadReviews());
        out.put("calledBack", f.calledBack());
        out.put("callbackRate", f.callbackRate());
        out.put("appealsFiled", f.appealsFiled());
        out.put("appealsUpheld", f.appealsUpheld());
        out.put("followUps", f.followUps());
        out.put("followUpsSatisfied", f.followUpsSatisfied());
        out.put("followUpSatisfactionRate", f.followUpSatisfactionRate());
        out.values().removeIf(Objects::isNull);
        return out;
    }

    /**
     * What a bulletin says besides its scope's figures (issue 30): who issues it under which number, the minimum
     * sample of its ranking, the same scope's figures a month and a year before, and for a city its districts.
     *
     * @param previousMonth     null when the scope had no rating that month
     * @param sameMonthLastYear null likewise
     * @param districts         a city's county-level regions with their figures; null for any other bulletin
     * @param districtRanking   those regions ranked fairly; null for any other bulletin
     * @param warned            R4.4: the ranked units warned for the bottom places month after month
     */
    public record Context(String issuer, String documentNumber, int minimumRatings, Figures previousMonth,
            Figures sameMonthLastYear, List<District> districts, List<FairRanking.Ranked> districtRanking,
            List<BottomWarnings.Warned> warned) {
    }

    /** A county-level region of a city's bulletin. */
    public record District(String code, String name, Figures figures) {
    }

    /** The bulletin, its content hash computed over everything but the hash and the time of publication. */
    public static BulletinPublished bulletin(YearMonth month, BulletinScope scope, String code, String scopeName,
            String regionCode, Figures figures, Map<String, Long> ratingsByChannel, List<FairRanking.Ranked> ranking,
            List<BulletinPublished.TagCount> topTags, Context context, Instant publishedAt) {
        BulletinPublished unhashed = new BulletinPublished(id(month, scope, code), month.toString(), scope, code,
                scopeName, regionCode, figures(figures), new TreeMap<>(ratingsByChannel), units(ranking), topTags, "",
                Instant.EPOCH, context.issuer(), context.documentNumber(), context.minimumRatings(),
                context.previousMonth() == null ? null : figures(context.previousMonth()),
                context.sameMonthLastYear() == null ? null : figures(context.sameMonthLastYear()),
                context.districts() == null ? null : context.districts().stream()
                        .map(d -> new BulletinPublished.AreaFigures(d.code(), d.name(), figures(d.figures())))
                        .toList(),
                context.districtRanking() == null ? null : units(context.districtRanking()),
                context.warned().stream().map(w -> new BulletinPublished.WarnedUnit(w.unit(), nameOf(w.unit(), ranking),
                        w.ranks(), w.of())).toList());
        return unhashed.withHash(hash(unhashed), publishedAt);
    }

    private static String nameOf(String unit, List<FairRanking.Ranked> ranking) {
        return ranking.stream().filter(r -> r.unit().equals(unit)).map(FairRanking.Ranked::name).findFirst()
                .orElse(null);
    }

    private static List<BulletinPublished.RankedUnit> units(List<FairRanking.Ranked> ranking) {
        return ranking.stream().map(r -> new BulletinPublished.RankedUnit(r.rank(), r.unit(), r.name(), r.ratings(),
                r.rawRate(), r.index(), r.lower(), r.upper())).toList();
    }

    /**
     * SHA-256 of the canonical JSON (keys sorted) of the bulletin without its hash and time; the JDK's digest. Fields
     * a bulletin does not have are not written, so a bulletin published before they existed hashes as it did.
     */
    public static String hash(BulletinPublished b) {
        try {
            byte[] json = CANONICAL.writeValueAsString(b.withHash("", Instant.EPOCH)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a bulletin", e);
        }
    }

    /** One figure whose value for the month is no longer what the bulletin published. */
    public record Erratum(String figure, Number published, Number now) {
    }

    /**
     * What changed in the bulletin's month since it was published (R4.3): every figure and channel count that differs,
     * as published and as now. Empty when nothing changed.
     */
    public static List<Erratum> errata(BulletinPublished frozen, Figures now, Map<String, Long> channelsNow) {
        List<Erratum> errata = new ArrayList<>();
        Map<String, Number> current = figures(now);
        if (frozen.documentNumber() == null) {
            // Published before bulletins had these figures: their absence is no erratum.
            current.keySet().removeAll(FOLLOW_UP_FIGURES);
        }
        compare(errata, "", frozen.figures(), current);
        Map<String, Number> publishedChannels = new TreeMap<>(frozen.ratingsByChannel());
        compare(errata, "ratingsByChannel.", publishedChannels, new TreeMap<>(channelsNow));
        return errata;
    }

    private static void compare(List<Erratum> errata, String prefix, Map<String, ? extends Number> published,
            Map<String, ? extends Number> now) {
        Map<String, Boolean> keys = new TreeMap<>();
        published.keySet().forEach(k -> keys.put(k, true));
        now.keySet().forEach(k -> keys.put(k, true));
        for (String key : keys.keySet()) {
            Number before = published.get(key);
            Number after = now.get(key);
            if (!same(before, after)) {
                errata.add(new Erratum(prefix + key, before, after));
            }
        }
    }

    private static boolean same(Number a, Number b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
    }
}
