package org.hcp.appeal.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hcp.events.CaseKind;
import org.hcp.events.Channel;
import org.hcp.events.EvaluatorType;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingScope;
import org.hcp.events.RatingSubmitted;

/**
 * Generated rating streams for the integrity rules (R6.3), seeded and reproducible.
 *
 * <p>{@link #clean} is an ordinary month of halls: each window serves one case after another from 9:00 to 17:00 on
 * working days, a case taking 4 to 20 minutes; 60 % are rated on the window's device 5 to 90 s after completion, the
 * rest later by QR code, app, website or hotline; levels 5/4/3/2/1 at 82/10/5/2/1 %; 85 % real-name evaluators
 * drawn from a pool of 500,000 people, of whom one in twenty comes back with a second case at the same window and
 * one in a hundred with a third. The bursts are what the rules look for.
 */
public final class RatingStreams {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String REGION = "370902";

    private RatingStreams() {
    }

    /** One hall's month: {@code institutions} × {@code windows} windows, starting on {@code from}. */
    public static List<RatingSubmitted> clean(long seed, LocalDate from, int days, int institutions, int windows) {
        return clean(seed, REGION, from, days, institutions, windows);
    }

    /** The same halls in another region. */
    public static List<RatingSubmitted> clean(long seed, String region, LocalDate from, int days, int institutions,
            int windows) {
        Random random = new Random(seed);
        List<RatingSubmitted> ratings = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(from.plusDays(days)); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (int i = 0; i < institutions; i++) {
                for (int w = 0; w < windows; w++) {
                    windowDay(random, region, day, "INST-" + i, "INST-" + i + "-W" + w, "INST-" + i + "-S" + w,
                            ratings);
                }
            }
        }
        return ratings;
    }

    private static void windowDay(Random random, String region, LocalDate day, String institution, String window,
            String staff, List<RatingSubmitted> out) {
        ZonedDateTime t = day.atTime(9, 0).atZone(ZONE);
        ZonedDateTime close = day.atTime(17, 0).atZone(ZONE);
        String previous = null;
        int repeats = 0;
        while (true) {
            t = t.plusSeconds(240 + random.nextInt(960));
            if (t.isAfter(close)) {
                return;
            }
            String evaluator;
            double comeBack = random.nextDouble();
            if (previous != null && (repeats == 0 && comeBack < 0.05 || repeats == 1 && comeBack < 0.2)) {
                evaluator = previous;
                repeats++;
            } else {
                evaluator = random.nextDouble() < 0.85 ? "p-" + random.nextInt(500_000) : null;
                repeats = 0;
            }
            previous = evaluator;
            Instant completed = t.toInstant();
            double c = random.nextDouble();
            Channel channel = c < 0.6 ? Channel.WINDOW_DEVICE : c < 0.75 ? Channel.QR_CODE : c < 0.85
                    ? Channel.MOBILE_APP : c < 0.95 ? Channel.WEBSITE : Channel.HOTLINE_12345;
            Instant ratedAt = channel == Channel.WINDOW_DEVICE ? completed.plusSeconds(5 + random.nextInt(86))
                    : completed.plusSeconds(120 + random.nextInt(6 * 3600));
            double l = random.nextDouble();
            int level = l < 0.82 ? 5 : l < 0.92 ? 4 : l < 0.97 ? 3 : l < 0.99 ? 2 : 1;
            out.add(rating(region, institution, channel == Channel.WINDOW_DEVICE ? window : null, staff, channel,
                    level, evaluator, ratedAt, completed));
        }
    }

    /** 刷好评: {@code n} level-5 ratings for one staff member from the window's own device, one every 40 to 80 s. */
    public static List<RatingSubmitted> deviceBurst(long seed, String institution, String window, String staff,
            Instant start, int n) {
        return deviceBurst(seed, REGION, institution, window, staff, start, n);
    }

    /** The same burst in another region. */
    public static List<RatingSubmitted> deviceBurst(long seed, String region, String institution, String window,
            String staff, Instant start, int n) {
        Random random = new Random(seed);
        List<RatingSubmitted> burst = new ArrayList<>();
        Instant t = start;
        for (int i = 0; i < n; i++) {
            t = t.plusSeconds(40 + random.nextInt(41));
            burst.add(rating(region, institution, window, staff, Channel.WINDOW_DEVICE, 5,
                    "p-burst-" + random.nextInt(1000), t, t.minusSeconds(30)));
        }
        return burst;
    }

    /** One evaluator giving level 1 to {@code n} institutions, {@code gap} apart. */
    public static List<RatingSubmitted> serialBadReviews(String evaluator, Instant start, Duration gap, int n) {
        List<RatingSubmitted> ratings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant at = start.plus(gap.multipliedBy(i));
            ratings.add(rating("INST-" + i, null, null, Channel.MOBILE_APP, 1, evaluator, at, at.minusSeconds(3600)));
        }
        return ratings;
    }

    public static RatingSubmitted rating(String institution, String window, String staff, Channel channel, int level,
            String evaluator, Instant ratedAt, Instant completedAt) {
        return rating(REGION, institution, window, staff, channel, level, evaluator, ratedAt, completedAt);
    }

    public static RatingSubmitted rating(String region, String institution, String window, String staff,
            Channel channel, int level, String evaluator, Instant ratedAt, Instant completedAt) {
        String id = "r-" + Long.toHexString(ratedAt.toEpochMilli()) + "-" + Integer.toHexString(
                (institution + window + staff + evaluator + level + channel).hashCode());
        return new RatingSubmitted(id, "C-" + id, CaseKind.INSTANT, "ITEM-1", institution, window, staff, null,
                region, channel, channel.nationalPf(), level, level <= 2 ? List.of("SLOW") : List.of(), null, null,
                evaluator == null ? null : EvaluatorType.NATURAL_PERSON, evaluator, RatingOrigin.EVALUATOR, 1,
                ratedAt, completedAt, RatingScope.CASE, null, null, null, null);
    }
}
