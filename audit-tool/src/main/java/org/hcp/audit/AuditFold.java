package org.hcp.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.hcp.events.CaseCompleted;
import org.hcp.events.FollowUpRated;
import org.hcp.events.ChinaTime;
import org.hcp.events.EventJson;
import org.hcp.events.EventPayload;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.appeal.AppealDecided;
import org.hcp.events.appeal.AppealFiled;
import org.hcp.events.appeal.AppealOutcome;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.appeal.RatingReinstated;
import org.hcp.events.rectification.CallbackRecorded;
import org.hcp.events.rectification.CallbackResult;
import org.hcp.events.rectification.RectificationClosed;
import org.hcp.events.rectification.RectificationOpened;
import org.hcp.events.rectification.RectificationResumed;
import org.hcp.events.rectification.RectificationWithdrawn;

/**
 * The R4.1 figures recomputed from the raw log by a plain fold, sharing no code with reporting-service's facts,
 * counters or {@code Figures} (docs/audit.md, "Figures as of an instant"): the million-rating test checks the API
 * against it, and the auditor's tool recomputes with it what stood at any instant. Definitions as docs/figures.md
 * states them. An instant given, an event counts only if it was recorded by then (its {@code recordedAt}): later
 * ratings and later decisions are not yet known.
 */
public final class AuditFold {


    /** Where something counts; a field it does not have is null. */
    record Place(String region, String institution, String window, String staff, String platform, String item,
            String channel, LocalDate day) {

        String get(String dimension) {
            return switch (dimension) {
                case "window" -> window;
                case "staff" -> staff;
                case "platform" -> platform;
                case "item" -> item;
                case "channel" -> channel;
                default -> throw new IllegalArgumentException(dimension);
            };
        }
    }

    private record Rating(Place place, int level, boolean evaluator, String caseNumber) {
    }

    private static final class Rect {
        Place place;
        boolean realName;
        boolean withdrawn;
        boolean closed;
        boolean onTime;
        boolean calledBack;
    }

    private record Appeal(Place place) {
    }

    /** 追评: a follow-up rating of a bad review's handling (FollowUpRated), counted on its own day. */
    private record FollowUp(Place place, int level) {
    }

    /** The topics the figures come from (docs/figures.md). */
    public static final List<String> TOPICS = List.of(org.hcp.events.Topics.RATINGS, org.hcp.events.Topics.CASES,
            org.hcp.events.Topics.RECTIFICATIONS, org.hcp.events.Topics.APPEALS);

    private final Map<String, Rating> ratings = new HashMap<>();
    private final Map<String, Boolean> notAdopted = new HashMap<>();
    private final Map<String, Place> cases = new HashMap<>();
    private final Map<String, Rect> rects = new HashMap<>();
    private final Map<String, Appeal> appeals = new HashMap<>();
    private final Map<String, Boolean> upheld = new HashMap<>();
    private final Map<String, FollowUp> followUps = new HashMap<>();
    private final Map<String, List<String>> tags = new HashMap<>();
    private final Map<String, String> ratingPositions = new HashMap<>();
    private final Map<String, String> decisionPositions = new HashMap<>();
    private final Map<String, Long> ratingReceived = new HashMap<>();
    /** Where each case, rectification and appeal was first recorded, by "case:", "rectification:", "appeal:" id. */
    private final Map<String, String> otherPositions = new HashMap<>();

    /** An event that changed a case, rectification or appeal ("case:", "rectification:", "appeal:" id), when. */
    private record Change(String key, long recorded, String what) {
    }

    private final List<Change> changes = new java.util.ArrayList<>();
    private final Map<String, Long> decisionReceived = new HashMap<>();
    private final java.time.Instant asOf;

    /** Everything in the log. */
    public AuditFold() {
        this(null);
    }

    /** @param asOf count only what was recorded by then ({@code recordedAt}); null for everything */
    public AuditFold(java.time.Instant asOf) {
        this(asOf, null);
    }

    /**
     * @param regionPrefix keep only events of this region (the envelope's), so that a fold of one county fits in a
     *                     service's small heap; null for every region
     */
    public AuditFold(java.time.Instant asOf, String regionPrefix) {
        this.asOf = asOf;
        this.regionPrefix = regionPrefix;
    }

    private final String regionPrefix;

    /** One record of the log, in partition order, as the reader got it (Kafka-free, so any reader can feed it). */
    public void accept(String topic, int partition, long offset, String value) {
        EventPayload p;
        org.hcp.events.EventEnvelope<EventPayload> event;
        try {
            event = EventJson.read(value);
            p = event.payload();
        } catch (RuntimeException unreadable) {
            return;
        }
        long recorded = event.recordedAt().toEpochMilli();
        if (asOf != null && recorded > asOf.toEpochMilli()) {
            return;
        }
        if (regionPrefix != null && event.region() != null && !event.region().startsWith(regionPrefix)) {
            return;
        }
        String position = topic + "/" + partition + "/" + offset + " " + event.eventId();
        if (p instanceof RatingNotAdopted d) {
            decisionPositions.put(d.ratingId(), position + " RatingNotAdopted");
            decisionReceived.put(d.ratingId(), recorded);
        } else if (p instanceof RatingReinstated d) {
            decisionPositions.put(d.ratingId(), position + " RatingReinstated");
            decisionReceived.put(d.ratingId(), recorded);
        }
        if (p instanceof RatingSubmitted r && !ratings.containsKey(r.ratingId())) {
            ratingPositions.put(r.ratingId(), position);
            ratingReceived.put(r.ratingId(), recorded);
            ratings.put(r.ratingId(), new Rating(new Place(r.regionCode(), r.institutionCode(), r.windowCode(),
                    r.staffId(), r.platformCode(), r.itemCode(), r.channel().name(), day(r.ratedAt())), r.level(),
                    r.origin() == RatingOrigin.EVALUATOR, r.caseNumber()));
            tags.put(r.ratingId(), r.tags().stream().distinct().toList());
        } else if (p instanceof RatingNotAdopted d) {
            notAdopted.put(d.ratingId(), true);
        } else if (p instanceof RatingReinstated d) {
            notAdopted.put(d.ratingId(), false);
        } else if (p instanceof CaseCompleted c && !cases.containsKey(c.caseNumber())) {
            cases.put(c.caseNumber(), new Place(c.regionCode(), c.institutionCode(), c.windowCode(), c.staffId(),
                    c.platformCode(), c.itemCode(), null, day(c.completedAt())));
            otherPositions.put("case:" + c.caseNumber(), position);
            changes.add(new Change("case:" + c.caseNumber(), recorded, position + " CaseCompleted"));
        } else if (p instanceof RectificationOpened o && !rects.containsKey(o.rectificationId())) {
            Rect x = new Rect();
            x.place = new Place(o.regionCode(), o.institutionCode(), o.windowCode(), o.staffId(), null, o.itemCode(),
                    o.channel().name(), day(o.ratedAt()));
            x.realName = o.realName();
            rects.put(o.rectificationId(), x);
            otherPositions.put("rectification:" + o.rectificationId(), position);
            changes.add(new Change("rectification:" + o.rectificationId(), recorded, position + " RectificationOpened"));
        } else if (p instanceof RectificationWithdrawn w && rects.containsKey(w.rectificationId())) {
            rects.get(w.rectificationId()).withdrawn = true;
            changes.add(new Change("rectification:" + w.rectificationId(), recorded, position + " RectificationWithdrawn"));
        } else if (p instanceof RectificationResumed w && rects.containsKey(w.rectificationId())) {
            rects.get(w.rectificationId()).withdrawn = false;
            changes.add(new Change("rectification:" + w.rectificationId(), recorded, position + " RectificationResumed"));
        } else if (p instanceof RectificationClosed c && rects.containsKey(c.rectificationId())) {
            rects.get(c.rectificationId()).closed = true;
            rects.get(c.rectificationId()).onTime = c.onTime();
            changes.add(new Change("rectification:" + c.rectificationId(), recorded, position + " RectificationClosed"));
        } else if (p instanceof CallbackRecorded c && c.result() == CallbackResult.REACHED
                && rects.containsKey(c.rectificationId())) {
            rects.get(c.rectificationId()).calledBack = true;
            changes.add(new Change("rectification:" + c.rectificationId(), recorded, position + " CallbackRecorded"));
        } else if (p instanceof AppealFiled f && !appeals.containsKey(f.appealId())) {
            appeals.put(f.appealId(), new Appeal(new Place(f.regionCode(), f.institutionCode(), null, null, null,
                    null, null, day(f.filedAt()))));
            otherPositions.put("appeal:" + f.appealId(), position);
            changes.add(new Change("appeal:" + f.appealId(), recorded, position + " AppealFiled"));
        } else if (p instanceof AppealDecided d) {
            upheld.put(d.appealId(), d.outcome() == AppealOutcome.UPHELD);
            changes.add(new Change("appeal:" + d.appealId(), recorded, position + " AppealDecided"));
        } else if (p instanceof FollowUpRated f && !followUps.containsKey(f.followUpId())) {
            followUps.put(f.followUpId(), new FollowUp(new Place(f.regionCode(), f.institutionCode(), f.windowCode(),
                    f.staffId(), null, f.itemCode(), f.channel().name(), day(f.ratedAt())), f.level()));
            changes.add(new Change("follow-up:" + f.followUpId(), recorded, position + " FollowUpRated"));
        }
    }

    private static LocalDate day(java.time.Instant at) {
        return at.atZone(ChinaTime.ZONE).toLocalDate();
    }

    private boolean adopted(String ratingId) {
        return !notAdopted.getOrDefault(ratingId, false);
    }

    /** An evaluator's bad review of {@code institution} that is counted now. */
    public String adoptedBadReview(String institution) {
        return ratings.entrySet().stream()
                .filter(e -> adopted(e.getKey()) && e.getValue().evaluator() && e.getValue().level() <= 2
                        && institution.equals(e.getValue().place().institution()))
                .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
    }

    /**
     * Drill-down: the events behind a query's rating figures (docs/audit.md): each adopted rating that counts, and
     * each rating of the scope not counted because of a decision, with that decision, as
     * {@code topic/partition/offset eventId}.
     */
    /**
     * @param counted        the ratings counted (the rating figures: ratings, good, bad, byLevel, rates)
     * @param notAdopted     the ratings of the scope a decision took out, each with that decision
     * @param cases          the completed cases (completedCases, ratedCases, coverage)
     * @param rectifications the rectifications opened, withdrawn ones left out (the rectification figures)
     * @param appeals        the appeals filed (appealsFiled, appealsUpheld)
     */
    public record Contributors(List<String> counted, List<String> notAdopted, List<String> cases,
            List<String> rectifications, List<String> appeals) {
    }

    public Contributors contributors(Query q) {
        List<String> counted = new java.util.ArrayList<>();
        List<String> excluded = new java.util.ArrayList<>();
        ratings.forEach((id, r) -> {
            if (matches(q, r.place())) {
                if (adopted(id)) {
                    counted.add(ratingPositions.get(id));
                } else {
                    excluded.add(ratingPositions.get(id) + " not adopted by " + decisionPositions.get(id));
                }
            }
        });
        List<String> caseEvents = new java.util.ArrayList<>();
        cases.forEach((number, place) -> {
            if (matches(q, place) && (q.dimension() == null || !q.dimension().equals("channel"))) {
                caseEvents.add(otherPositions.get("case:" + number));
            }
        });
        List<String> rectEvents = new java.util.ArrayList<>();
        rects.forEach((id, x) -> {
            if (!x.withdrawn && matches(q, x.place)) {
                rectEvents.add(otherPositions.get("rectification:" + id));
            }
        });
        List<String> appealEvents = new java.util.ArrayList<>();
        appeals.forEach((id, a) -> {
            if (matches(q, a.place())) {
                appealEvents.add(otherPositions.get("appeal:" + id));
            }
        });
        for (List<String> list : List.of(counted, excluded, caseEvents, rectEvents, appealEvents)) {
            list.sort(null);
        }
        return new Contributors(counted, excluded, caseEvents, rectEvents, appealEvents);
    }

    /**
     * What was recorded after {@code since} that changes the query's figures: a rating of the scope that came late,
     * the latest decision about one (not adopted, reinstated), and each later event of its cases, rectifications and
     * appeals. It explains a bulletin's erratum.
     */
    public List<String> changesAfter(Query q, java.time.Instant since) {
        long after = since.toEpochMilli();
        List<String> found = new java.util.ArrayList<>();
        ratings.forEach((id, r) -> {
            if (!matches(q, r.place())) {
                return;
            }
            if (ratingReceived.get(id) > after) {
                found.add("rating recorded later: " + ratingPositions.get(id));
            }
            Long decided = decisionReceived.get(id);
            if (decided != null && decided > after) {
                found.add(decisionPositions.get(id) + " about rating " + ratingPositions.get(id));
            }
        });
        for (Change change : changes) {
            if (change.recorded() > after && placeOf(change.key()) != null && matches(q, placeOf(change.key()))) {
                found.add(change.what());
            }
        }
        found.sort(null);
        return found;
    }

    private Place placeOf(String key) {
        int colon = key.indexOf(':');
        String id = key.substring(colon + 1);
        return switch (key.substring(0, colon)) {
            case "case" -> cases.get(id);
            case "rectification" -> rects.containsKey(id) ? rects.get(id).place : null;
            case "follow-up" -> followUps.containsKey(id) ? followUps.get(id).place() : null;
            default -> appeals.containsKey(id) ? appeals.get(id).place() : null;
        };
    }

    public int ratingCount() {
        return (int) ratings.keySet().stream().filter(this::adopted).count();
    }

    /**
     * A query as the API reads it.
     *
     * @param dimension    window, staff, platform, item, channel, or null
     * @param member       one member of it, or null
     * @param by           region, institution, a dimension, day, week, month, quarter, year, or null
     * @param regionLength for by=region
     */
    public record Query(String region, String institution, String dimension, String member, LocalDate from,
            LocalDate to, String by, int regionLength) {
    }

    private boolean matches(Query q, Place p) {
        if (q.region() != null && !p.region().startsWith(q.region())) {
            return false;
        }
        if (q.institution() != null && !q.institution().equals(p.institution())) {
            return false;
        }
        if (q.from() != null && p.day().isBefore(q.from()) || q.to() != null && p.day().isAfter(q.to())) {
            return false;
        }
        if (q.dimension() != null) {
            String value = p.get(q.dimension());
            return value != null && (q.member() == null || q.member().equals(value));
        }
        return true;
    }

    private String group(Query q, Place p) {
        if (q.by() == null) {
            return "";
        }
        LocalDate d = p.day();
        return switch (q.by()) {
            case "region" -> p.region().substring(0, Math.min(q.regionLength(), p.region().length()));
            case "institution" -> p.institution();
            case "day" -> d.toString();
            case "week" -> d.with(DayOfWeek.MONDAY).toString();
            case "month" -> d.withDayOfMonth(1).toString();
            case "quarter" -> LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1).toString();
            case "year" -> LocalDate.of(d.getYear(), 1, 1).toString();
            default -> p.get(q.by());
        };
    }

    /** Group key → figure name → value (counts as Long, rates as Double or null), groups with any count only. */
    public Map<String, Map<String, Object>> figures(Query q) {
        Map<String, long[]> counts = new TreeMap<>();
        // 0 ratings, 1..5 per level, 6 active, 7 active good, 8 defaults, 9 completed, 10 rated, 11 rects,
        // 12 closed, 13 on time, 14 real name, 15 called back, 16 appeals, 17 upheld, 18 follow-ups, 19 satisfied
        Function<String, long[]> slot = g -> counts.computeIfAbsent(g, k -> new long[20]);
        Map<String, Integer> evaluatorRatingsPerCase = new HashMap<>();
        ratings.forEach((id, r) -> {
            if (!adopted(id)) {
                return;
            }
            if (r.evaluator()) {
                evaluatorRatingsPerCase.merge(r.caseNumber(), 1, Integer::sum);
            }
            if (!matches(q, r.place())) {
                return;
            }
            long[] c = slot.apply(group(q, r.place()));
            c[0]++;
            c[r.level()]++;
            if (r.evaluator()) {
                c[6]++;
                if (r.level() >= 3) {
                    c[7]++;
                }
            } else {
                c[8]++;
            }
        });
        cases.forEach((number, place) -> {
            if (matches(q, place) && (q.dimension() == null || !q.dimension().equals("channel"))) {
                long[] c = slot.apply(group(q, place));
                c[9]++;
                if (evaluatorRatingsPerCase.getOrDefault(number, 0) > 0) {
                    c[10]++;
                }
            }
        });
        rects.values().forEach(x -> {
            if (!x.withdrawn && matches(q, x.place)) {
                long[] c = slot.apply(group(q, x.place));
                c[11]++;
                c[12] += x.closed ? 1 : 0;
                c[13] += x.closed && x.onTime ? 1 : 0;
                c[14] += x.realName ? 1 : 0;
                c[15] += x.realName && x.calledBack ? 1 : 0;
            }
        });
        appeals.forEach((id, a) -> {
            if (matches(q, a.place())) {
                long[] c = slot.apply(group(q, a.place()));
                c[16]++;
                c[17] += upheld.getOrDefault(id, false) ? 1 : 0;
            }
        });
        followUps.values().forEach(f -> {
            if (matches(q, f.place())) {
                long[] c = slot.apply(group(q, f.place()));
                c[18]++;
                c[19] += f.level() >= 4 ? 1 : 0;
            }
        });
        Map<String, Map<String, Object>> out = new TreeMap<>();
        counts.forEach((g, c) -> {
            if (java.util.Arrays.stream(c).allMatch(n -> n == 0)) {
                return;
            }
            Map<String, Object> f = new TreeMap<>();
            long good = c[3] + c[4] + c[5];
            f.put("ratings", c[0]);
            f.put("activeRatings", c[6]);
            f.put("defaultRatings", c[8]);
            f.put("good", good);
            f.put("bad", c[1] + c[2]);
            f.put("goodRate", rate(good, c[0]));
            f.put("activeGoodRate", rate(c[7], c[6]));
            f.put("satisfactionRate", rate(c[4] + c[5], c[0]));
            f.put("badRate", rate(c[1] + c[2], c[0]));
            f.put("unratedRate", rate(c[8], c[0]));
            f.put("completedCases", c[9]);
            f.put("ratedCases", c[10]);
            f.put("coverage", rate(c[10], c[9]));
            f.put("rectifications", c[11]);
            f.put("rectified", c[12]);
            f.put("rectificationRate", rate(c[12], c[11]));
            f.put("rectifiedOnTime", c[13]);
            f.put("onTimeRate", rate(c[13], c[12]));
            f.put("realNameBadReviews", c[14]);
            f.put("calledBack", c[15]);
            f.put("callbackRate", rate(c[15], c[14]));
            f.put("appealsFiled", c[16]);
            f.put("appealsUpheld", c[17]);
            f.put("followUps", c[18]);
            f.put("followUpsSatisfied", c[19]);
            f.put("followUpSatisfactionRate", rate(c[19], c[18]));
            for (int level = 1; level <= 5; level++) {
                f.put("byLevel." + level, c[level]);
            }
            out.put(g, f);
        });
        return out;
    }

    /** R4.6: per tag, adopted bad reviews carrying it, over a query without grouping. */
    public Map<String, Long> tags(Query q) {
        Map<String, Long> out = new TreeMap<>();
        ratings.forEach((id, r) -> {
            if (adopted(id) && r.level() <= 2 && matches(q, r.place())) {
                tags.get(id).forEach(t -> out.merge(t, 1L, Long::sum));
            }
        });
        return out;
    }

    /**
     * R4.5 recomputed: unit → {ratings, satisfied, index, lower, upper}, units in rank order (by the lower bound of
     * the indirectly standardised satisfaction rate's Wilson interval, then by ratings, then by name), then the units
     * with fewer than {@code minimumRatings} (not ranked, R4.4), most ratings first.
     */
    public java.util.LinkedHashMap<String, double[]> ranking(String unit, Query q, int minimumRatings) {
        Map<String, Map<String, long[]>> cells = new TreeMap<>();
        ratings.forEach((id, r) -> {
            String u = switch (unit) {
                case "region" -> r.place().region() == null || r.place().region().length() < 6 ? null
                        : r.place().region().substring(0, 6);
                case "institution" -> r.place().institution();
                case "window" -> r.place().window();
                default -> r.place().staff();
            };
            if (adopted(id) && u != null && r.place().item() != null && matches(q, r.place())) {
                long[] c = cells.computeIfAbsent(u, k -> new TreeMap<>()).computeIfAbsent(r.place().item(),
                        k -> new long[2]);
                c[0]++;
                c[1] += r.level() >= 4 ? 1 : 0;
            }
        });
        Map<String, long[]> items = new HashMap<>();
        cells.values().forEach(m -> m.forEach((item, c) -> {
            long[] t = items.computeIfAbsent(item, k -> new long[2]);
            t[0] += c[0];
            t[1] += c[1];
        }));
        double all = items.values().stream().mapToLong(t -> t[0]).sum();
        double scope = items.values().stream().mapToLong(t -> t[1]).sum() / all;
        List<Map.Entry<String, double[]>> rows = new java.util.ArrayList<>();
        cells.forEach((u, m) -> {
            double n = 0;
            double sat = 0;
            double expectedSatisfied = 0;
            for (Map.Entry<String, long[]> e : m.entrySet()) {
                n += e.getValue()[0];
                sat += e.getValue()[1];
                long[] t = items.get(e.getKey());
                expectedSatisfied += e.getValue()[0] * (t[1] / (double) t[0]);
            }
            double factor = expectedSatisfied == 0 ? 1 : scope * n / expectedSatisfied;
            double p = sat / n;
            double z = 1.96;
            double denominator = 1 + z * z / n;
            double centre = (p + z * z / (2 * n)) / denominator;
            double half = z / denominator * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
            rows.add(Map.entry(u, new double[] {n, sat, p * factor, Math.max(0, centre - half) * factor,
                    Math.min(1, centre + half) * factor}));
        });
        rows.sort((a, b) -> {
            boolean aRanked = a.getValue()[0] >= minimumRatings;
            if (aRanked != b.getValue()[0] >= minimumRatings) {
                return aRanked ? -1 : 1;
            }
            if (!aRanked) {
                int byRatings = Double.compare(b.getValue()[0], a.getValue()[0]);
                return byRatings != 0 ? byRatings : a.getKey().compareTo(b.getKey());
            }
            int c = Double.compare(Math.round(b.getValue()[3] * 1e4), Math.round(a.getValue()[3] * 1e4));
            c = c != 0 ? c : Double.compare(b.getValue()[0], a.getValue()[0]);
            return c != 0 ? c : a.getKey().compareTo(b.getKey());
        });
        java.util.LinkedHashMap<String, double[]> out = new java.util.LinkedHashMap<>();
        rows.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public static Double rate(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).doubleValue();
    }
}
