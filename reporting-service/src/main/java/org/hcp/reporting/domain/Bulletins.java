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
        out.values().removeIf(Objects::isNull);
        return out;
    }

    /** The bulletin, its content hash computed over everything but the hash and the time of publication. */
    public static BulletinPublished bulletin(YearMonth month, BulletinScope scope, String code, String scopeName,
            String regionCode, Figures figures, Map<String, Long> ratingsByChannel, List<FairRanking.Ranked> ranking,
            List<BulletinPublished.TagCount> topTags, Instant publishedAt) {
        List<BulletinPublished.RankedUnit> units = ranking.stream().map(r -> new BulletinPublished.RankedUnit(
                r.rank(), r.unit(), r.name(), r.ratings(), r.rawRate(), r.index(), r.lower(), r.upper())).toList();
        BulletinPublished unhashed = new BulletinPublished(id(month, scope, code), month.toString(), scope, code,
                scopeName, regionCode, figures(figures), new TreeMap<>(ratingsByChannel), units, topTags, "",
                Instant.EPOCH);
        return new BulletinPublished(unhashed.bulletinId(), unhashed.month(), scope, code, scopeName, regionCode,
                unhashed.figures(), unhashed.ratingsByChannel(), units, topTags, hash(unhashed), publishedAt);
    }

    /** SHA-256 of the canonical JSON (keys sorted) of the bulletin without its hash and time; the JDK's digest. */
    public static String hash(BulletinPublished b) {
        BulletinPublished content = new BulletinPublished(b.bulletinId(), b.month(), b.scope(), b.scopeCode(),
                b.scopeName(), b.regionCode(), new TreeMap<>(b.figures()), new TreeMap<>(b.ratingsByChannel()), b.ranking(),
                b.topTags(), "", Instant.EPOCH);
        try {
            byte[] json = CANONICAL.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
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
