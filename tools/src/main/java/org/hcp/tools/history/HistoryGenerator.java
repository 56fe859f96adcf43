package org.hcp.tools.history;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.hcp.events.CaseCompleted;
import org.hcp.events.CaseKind;
import org.hcp.events.Channel;
import org.hcp.events.ChinaTime;
import org.hcp.events.DirectoryEntryRecorded;
import org.hcp.events.DirectoryKind;
import org.hcp.events.EvaluatorType;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventPayload;
import org.hcp.events.FollowUpRated;
import org.hcp.events.EventType;
import org.hcp.events.EventTypes;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingReminderIssued;
import org.hcp.events.RatingScope;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.events.appeal.AppealDecided;
import org.hcp.events.appeal.AppealFiled;
import org.hcp.events.appeal.AppealOutcome;
import org.hcp.events.appeal.Appellant;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.calendar.WorkingCalendar;
import org.hcp.events.policy.BadReviewTag;
import org.hcp.events.policy.CaseDeadlines;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.events.policy.PolicyBook;
import org.hcp.events.rectification.CallbackRecorded;
import org.hcp.events.rectification.CallbackResult;
import org.hcp.events.rectification.RectificationClosed;
import org.hcp.events.rectification.RectificationOpened;
import org.hcp.events.rectification.RectificationWithdrawn;

/**
 * A realistic, reproducible history for tests and benchmarks (docs/history.md): the directory of two Jilin City
 * districts, Jilin EDZ and two Tai'an districts, and for every working day of the months asked, the cases their halls
 * and apps completed, the ratings evaluators gave, and for the cases nobody rated the reminder and default rating
 * their jurisdiction's policy sets (R1.9). Events are in the real format, in the order they would have been
 * recorded; the same options give the same history, event for event.
 */
public final class HistoryGenerator {

    public static final String PRODUCER = "history-generator";

    /**
     * @param scale cases per window and day relative to the default (about 20 at a window, 15 online per district)
     */
    public record Options(long seed, LocalDate from, int months, double scale, Instant until) {

        /** A fixed history for tests and benchmarks: the same events on any day. */
        public static Options defaults() {
            return new Options(2025, LocalDate.of(2024, 11, 1), 12, 1.0);
        }

        /** No cut-off: the whole of every case's life, however far it runs. */
        public Options(long seed, LocalDate from, int months, double scale) {
            this(seed, from, months, scale, null);
        }

        /**
         * {@code ./hcp generate}'s default: the twelve months up to and including the current one (the console opens
         * on the last twelve), nothing after {@code now}: a history never runs ahead of the clock.
         */
        public static Options endingNow(Instant now) {
            LocalDate today = now.atZone(ChinaTime.ZONE).toLocalDate();
            return new Options(2025, today.withDayOfMonth(1).minusMonths(11), 12, 1.0, now);
        }
    }

    /** One event and the topic it goes to. */
    public record Item(String topic, EventEnvelope<? extends EventPayload> event) {
    }

    /** A district: its code, its city's app, and whether its hall has one weaker staff member. */
    private record District(String region, String name, String city, String cityName, String province,
            String provinceName, String app, String appName) {
    }

    private static final List<District> DISTRICTS = List.of(
            new District("220202", "昌邑区", "220200", "吉林市", "220000", "吉林省", "G-JL-APP", "吉事办"),
            new District("220204", "船营区", "220200", "吉林市", "220000", "吉林省", "G-JL-APP", "吉事办"),
            new District("220271", "吉林经济技术开发区", "220200", "吉林市", "220000", "吉林省", "G-JL-APP", "吉事办"),
            new District("370902", "泰山区", "370900", "泰安市", "370000", "山东省", "G-TA-APP", "爱山东"),
            new District("370911", "岱岳区", "370900", "泰安市", "370000", "山东省", "G-TA-APP", "爱山东"));

    /** Items, with how hard each is (more bad reviews, the tags they get): R4.5's mix of items. */
    private record ServiceItem(String code, String name, int difficulty, String usualTag) {
    }

    private static final List<ServiceItem> ITEMS = List.of(
            new ServiceItem("G-ITEM-SOCIAL-CARD", "社会保障卡补领", 0, "WAITING"),
            new ServiceItem("G-ITEM-RESIDENCE", "居住证办理", 0, "WAITING"),
            new ServiceItem("G-ITEM-BIZ-LICENSE", "营业执照设立登记", 1, "MATERIALS"),
            new ServiceItem("G-ITEM-HOUSING-FUND", "住房公积金提取", 1, "SLOW"),
            new ServiceItem("G-ITEM-MEDICAL", "医保费用报销", 2, "REPEAT_VISITS"),
            new ServiceItem("G-ITEM-PROPERTY", "不动产转移登记", 2, "SLOW"),
            new ServiceItem("G-ITEM-CONSTRUCTION", "建筑工程施工许可", 3, "MATERIALS"));

    private static final int CENTRE_WINDOWS = 4;
    private static final int STATION_WINDOWS = 2;

    private final Options options;
    private final Random random;
    private final PolicyBook policies = PolicyBook.shipped();
    private final WorkingCalendar calendar = WorkingCalendar.shipped();
    private final PriorityQueue<Item> pending = new PriorityQueue<>(Comparator
            .comparing((Item i) -> i.event().recordedAt()).thenComparing(i -> i.event().eventId()));
    private long serial;
    private long events;

    private HistoryGenerator(Options options) {
        this.options = options;
        this.random = new Random(options.seed());
    }

    /** Hands every event of the history to {@code out}, in the order it would have been recorded. */
    public static void generate(Options options, Consumer<Item> out) {
        new HistoryGenerator(options).run(out);
    }

    private void run(Consumer<Item> all) {
        Consumer<Item> out = options.until() == null ? all : item -> {
            if (!item.event().recordedAt().isAfter(options.until())) {
                all.accept(item);
            }
        };
        Instant start = options.from().atStartOfDay(ChinaTime.ZONE).toInstant();
        directory(start.minus(Duration.ofDays(1))).forEach(out);
        LocalDate end = options.from().plusMonths(options.months());
        if (options.until() != null && end.isAfter(options.until().atZone(ChinaTime.ZONE).toLocalDate().plusDays(1))) {
            end = options.until().atZone(ChinaTime.ZONE).toLocalDate().plusDays(1);
        }
        for (LocalDate day = options.from(); day.isBefore(end); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                for (District d : DISTRICTS) {
                    day(d, day);
                }
            }
            Instant nextDay = day.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
            while (!pending.isEmpty() && pending.peek().event().recordedAt().isBefore(nextDay)) {
                out.accept(pending.poll());
            }
        }
        while (!pending.isEmpty()) {
            out.accept(pending.poll());
        }
    }

    // ----- the directory -----

    private List<Item> directory(Instant at) {
        List<Item> entries = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (District d : DISTRICTS) {
            for (String[] region : List.of(new String[] {d.province(), d.provinceName()},
                    new String[] {d.city(), d.cityName()}, new String[] {d.region(), d.name()})) {
                if (!seen.contains(region[0])) {
                    seen.add(region[0]);
                    entries.add(entry(DirectoryKind.REGION, region[0], region[1], null, null, Map.of(), at));
                }
            }
            if (!seen.contains(d.app())) {
                seen.add(d.app());
                entries.add(entry(DirectoryKind.PLATFORM, d.app(), d.appName(), d.city(), null,
                        Map.of("platformKind", "app"), at));
            }
            for (String kind : List.of("C", "S")) {
                String institution = institution(d, kind);
                entries.add(entry(DirectoryKind.INSTITUTION, institution, d.name() + (kind.equals("C")
                        ? "政务服务中心" : "便民服务站"), d.region(), null, Map.of(), at));
                for (int w = 1; w <= windows(kind); w++) {
                    entries.add(entry(DirectoryKind.WINDOW, window(institution, w), "综合受理窗口" + w, d.region(),
                            institution, Map.of(), at));
                    entries.add(entry(DirectoryKind.STAFF, staff(institution, w), "工作人员" + institution.substring(2)
                            + "-" + w, d.region(), institution, Map.of(), at));
                }
            }
        }
        for (ServiceItem item : ITEMS) {
            entries.add(entry(DirectoryKind.ITEM, item.code(), item.name(), null, null, Map.of(), at));
        }
        return entries;
    }

    private Item entry(DirectoryKind kind, String code, String name, String region, String institution,
            Map<String, String> attributes, Instant at) {
        DirectoryEntryRecorded e = new DirectoryEntryRecorded(kind, code, 1, name, region, institution, attributes,
                true, at);
        return new Item(Topics.DIRECTORY, envelope(e, DirectoryEntryRecorded.key(kind, code), region, at));
    }

    private static String institution(District d, String kind) {
        return "G-" + d.region() + "-" + kind;
    }

    private static int windows(String kind) {
        return kind.equals("C") ? CENTRE_WINDOWS : STATION_WINDOWS;
    }

    private static String window(String institution, int w) {
        return institution + "-W" + w;
    }

    private static String staff(String institution, int w) {
        return institution + "-S" + w;
    }

    // ----- a working day -----

    private void day(District d, LocalDate day) {
        JurisdictionPolicy policy = policies.resolve(d.region(), day);
        for (String kind : List.of("C", "S")) {
            String institution = institution(d, kind);
            for (int w = 1; w <= windows(kind); w++) {
                // The last window of each centre is staffed by someone whose reviews are worse (R4.4's warnings).
                boolean weaker = kind.equals("C") && w == CENTRE_WINDOWS;
                int cases = (int) Math.round((12 + random.nextInt(17)) * options.scale());
                for (int c = 0; c < cases; c++) {
                    serviceCase(d, policy, day, institution, window(institution, w), staff(institution, w), weaker);
                }
            }
        }
        int online = (int) Math.round((8 + random.nextInt(15)) * options.scale());
        for (int c = 0; c < online; c++) {
            serviceCase(d, policy, day, institution(d, "C"), null, null, false);
        }
    }

    private void serviceCase(District d, JurisdictionPolicy policy, LocalDate day, String institution, String window,
            String staff, boolean weaker) {
        ServiceItem item = ITEMS.get(random.nextInt(ITEMS.size()));
        Instant completed = day.atTime(9, 0).atZone(ChinaTime.ZONE).toInstant().plusSeconds(random.nextInt(8 * 3600));
        String caseNumber = "G" + day.toString().replace("-", "") + d.region() + String.format("%07d", ++serial);
        String evaluator = pseudonym(random.nextInt(2_000_000));
        EvaluatorType type = random.nextDouble() < 0.8 ? EvaluatorType.NATURAL_PERSON : EvaluatorType.ENTERPRISE;
        CaseKind kind = window == null ? CaseKind.ONLINE : CaseKind.INSTANT;
        String platform = window == null ? d.app() : null;
        CaseDeadlines deadlines = CaseDeadlines.of(policy, completed, calendar);
        add(Topics.CASES, new CaseCompleted(caseNumber, kind, item.code(), institution, window, staff, platform,
                d.region(), completed.minusSeconds(300 + random.nextInt(1800)), completed, null, null, List.of(), type,
                evaluator, true, d.region(), deadlines.reminderDueAt(), deadlines.defaultRatingDueAt(),
                deadlines.provisional()), caseNumber, d.region(), completed);
        if (random.nextDouble() < (window == null ? 0.70 : 0.85)) {
            Channel channel = channel(window != null);
            Instant ratedAt = completed.plus(delay(channel));
            if (deadlines.defaultRatingDueAt() == null || ratedAt.isBefore(deadlines.defaultRatingDueAt())) {
                int level = level(item, weaker);
                String ratingId = UUID.nameUUIDFromBytes(("history-rating\n" + caseNumber)
                        .getBytes(StandardCharsets.UTF_8)).toString();
                List<String> tags = level <= 2 ? tags(policy, item) : List.of();
                add(Topics.RATINGS, new RatingSubmitted(ratingId, caseNumber, kind, item.code(), institution,
                        channel == Channel.WINDOW_DEVICE ? window : null, staff, platform, d.region(), channel,
                        channel.nationalPf(), level, tags, null, List.of(),
                        type, evaluator, RatingOrigin.EVALUATOR, 1, ratedAt, completed, RatingScope.CASE, null, null,
                        ratingId, null), ratingId, d.region(), ratedAt);
                if (level <= 2) {
                    badReviewWork(d, ratingId, caseNumber, level, tags, item, institution, window, staff, channel,
                            ratedAt);
                }
                return;
            }
        }
        if (deadlines.defaultRatingDueAt() == null) {
            return;
        }
        // R1.9: nobody rated it in time; the reminder (TA) and the default rating the policy sets.
        if (deadlines.reminderDueAt() != null) {
            add(Topics.CASES, new RatingReminderIssued(caseNumber, d.region(), evaluator, deadlines.reminderDueAt(),
                    deadlines.defaultRatingDueAt()), caseNumber, d.region(), deadlines.reminderDueAt());
        }
        String ratingId = UUID.nameUUIDFromBytes(("default-rating\n" + caseNumber).getBytes(StandardCharsets.UTF_8))
                .toString();
        Instant due = deadlines.defaultRatingDueAt();
        add(Topics.RATINGS, new RatingSubmitted(ratingId, caseNumber, kind, item.code(), institution, window, staff,
                platform, d.region(), Channel.SYSTEM_DEFAULT, Channel.SYSTEM_DEFAULT.nationalPf(),
                deadlines.defaultLevel(), List.of(), null, List.of(), null, null, RatingOrigin.DEFAULT_RATING, 1, due,
                completed, RatingScope.CASE, null, null, ratingId, null), ratingId, d.region(), due);
    }

    /**
     * What follows a bad review, as rectification-service and appeal-service record it: the rectification opened at
     * once (R2.1) under the id the service gives it (the rating id); for most evaluators, who rated by name, a callback
     * that reaches them (R2.5); an appeal for one in twelve, upheld for four in ten of those (R3.4: the rating is
     * not adopted and its rectification withdrawn); else the rectification closed, mostly on time.
     */
    private void badReviewWork(District d, String ratingId, String caseNumber, int level, List<String> tags,
            ServiceItem item,
            String institution, String window, String staff, Channel channel, Instant ratedAt) {
        String rectificationId = ratingId;
        boolean realName = random.nextDouble() < 0.8;
        Instant opened = ratedAt.plusSeconds(1 + random.nextInt(5));
        add(Topics.RECTIFICATIONS, new RectificationOpened(rectificationId, List.of(ratingId), List.of(caseNumber),
                level, tags, channel, item.code(), institution, channel == Channel.WINDOW_DEVICE ? window : null,
                staff, d.region(), realName, ratedAt, opened, null, false), rectificationId, d.region(), opened);
        if (realName && random.nextDouble() < 0.9) {
            Instant called = opened.plus(Duration.ofHours(2 + random.nextInt(72)));
            add(Topics.RECTIFICATIONS, new CallbackRecorded(rectificationId, CallbackResult.REACHED, null,
                    institution, called), rectificationId, d.region(), called);
        }
        if (random.nextDouble() < 1.0 / 12) {
            String appealId = UUID.nameUUIDFromBytes(("history-appeal\n" + ratingId).getBytes(StandardCharsets.UTF_8))
                    .toString();
            Instant filed = ratedAt.plus(Duration.ofHours(4 + random.nextInt(20)));
            add(Topics.APPEALS, new AppealFiled(appealId, ratingId, caseNumber, level, institution, d.region(),
                    Appellant.INSTITUTION, "评价与事实不符", filed, null, null, false, institution, filed), ratingId,
                    d.region(), filed);
            Instant decided = filed.plus(Duration.ofHours(24 + random.nextInt(48)));
            boolean upheld = random.nextDouble() < 0.4;
            add(Topics.APPEALS, new AppealDecided(appealId, ratingId,
                    upheld ? AppealOutcome.UPHELD : AppealOutcome.REJECTED, false, upheld ? "核实为误评" : "评价属实",
                    true, "bureau:" + d.region(), decided), ratingId, d.region(), decided);
            if (upheld) {
                add(Topics.APPEALS, new RatingNotAdopted(ratingId, caseNumber, appealId, false, "核实为误评",
                        "bureau:" + d.region(), decided), ratingId, d.region(), decided);
                Instant withdrawn = decided.plusSeconds(1);
                add(Topics.RECTIFICATIONS, new RectificationWithdrawn(rectificationId, ratingId, appealId, withdrawn),
                        rectificationId, d.region(), withdrawn);
                return;
            }
        }
        if (random.nextDouble() < 0.9) {
            boolean onTime = random.nextDouble() < 0.85;
            Instant closed = opened.plus(Duration.ofDays(onTime ? 2 + random.nextInt(8) : 16 + random.nextInt(10)));
            add(Topics.RECTIFICATIONS, new RectificationClosed(rectificationId, onTime, institution, closed),
                    rectificationId, d.region(), closed);
            followUp(d, ratingId, caseNumber, item, institution, channel == Channel.WINDOW_DEVICE ? window : null,
                    staff, channel, closed);
        }
    }

    /**
     * 追评 for about four in ten closed rectifications, a day or two after closing, mostly satisfied. Drawn from the
     * rating id rather than the generator's random stream, so that the rest of a history stays as it was.
     */
    private void followUp(District d, String ratingId, String caseNumber, ServiceItem item, String institution,
            String window, String staff, Channel channel, Instant closed) {
        int draw = Math.floorMod(ratingId.hashCode(), 1000);
        if (draw >= 400) {
            return;
        }
        int level = draw < 200 ? 5 : draw < 300 ? 4 : draw < 350 ? 3 : draw < 380 ? 2 : 1;
        Instant at = closed.plus(Duration.ofHours(12 + draw % 36));
        add(Topics.CASES, new FollowUpRated("follow-up-" + ratingId, ratingId, ratingId, caseNumber, item.code(),
                institution, window, staff, d.region(), channel, level, null, at), caseNumber, d.region(), at);
    }

    /** The mix of channels evaluators use: at a window most rate on its device; online cases rate online. */
    private Channel channel(boolean atWindow) {
        double c = random.nextDouble();
        if (!atWindow) {
            return c < 0.6 ? Channel.MOBILE_APP : c < 0.9 ? Channel.WEBSITE : Channel.SMS;
        }
        return c < 0.50 ? Channel.WINDOW_DEVICE : c < 0.65 ? Channel.QR_CODE : c < 0.75 ? Channel.MOBILE_APP
                : c < 0.85 ? Channel.SMS : c < 0.90 ? Channel.WEBSITE : c < 0.95 ? Channel.HOTLINE_12345
                : Channel.PAPER_FORM;
    }

    private Duration delay(Channel channel) {
        return switch (channel) {
            case WINDOW_DEVICE -> Duration.ofSeconds(5 + random.nextInt(86));
            case QR_CODE -> Duration.ofMinutes(1 + random.nextInt(30));
            case SMS -> Duration.ofMinutes(5 + random.nextInt(24 * 60));
            case HOTLINE_12345 -> Duration.ofHours(24 + random.nextInt(48));
            case PAPER_FORM -> Duration.ofHours(2 + random.nextInt(46));
            default -> Duration.ofMinutes(10 + random.nextInt(2 * 24 * 60));
        };
    }

    /** Mostly 非常满意; harder items and the weaker staff member draw more bad reviews and more level 3. */
    private int level(ServiceItem item, boolean weaker) {
        double bad = 0.02 + 0.015 * item.difficulty() + (weaker ? 0.05 : 0);
        double r = random.nextDouble();
        if (r < bad) {
            return random.nextDouble() < 0.4 ? 1 : 2;
        }
        // The weaker staff member also leaves more people merely 基本满意.
        if (r < bad + 0.04 + 0.01 * item.difficulty() + (weaker ? 0.15 : 0)) {
            return 3;
        }
        return r < bad + 0.16 ? 4 : 5;
    }

    /** One or two tags of the jurisdiction's catalogue (R1.3), the item's usual complaint first. */
    private List<String> tags(JurisdictionPolicy policy, ServiceItem item) {
        List<BadReviewTag> catalogue = policy.badReviewTags();
        String first = policy.hasTag(item.usualTag()) && random.nextDouble() < 0.6 ? item.usualTag()
                : catalogue.get(random.nextInt(catalogue.size())).code();
        if (random.nextDouble() < 0.3) {
            String second = catalogue.get(random.nextInt(catalogue.size())).code();
            if (!second.equals(first)) {
                return List.of(first, second);
            }
        }
        return List.of(first);
    }

    private static String pseudonym(int person) {
        return UUID.nameUUIDFromBytes(("history-person\n" + person).getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", "");
    }

    private void add(String topic, EventPayload payload, String key, String region, Instant at) {
        pending.add(new Item(topic, envelope(payload, key, region, at)));
    }

    private EventEnvelope<EventPayload> envelope(EventPayload payload, String key, String region, Instant at) {
        // Event ids from the options, so a second run of the same options writes the very same events.
        UUID id = UUID.nameUUIDFromBytes(("history-event\n" + options + "\n" + (++events))
                .getBytes(StandardCharsets.UTF_8));
        EventType type = EventTypes.typeOf(payload.getClass());
        return new EventEnvelope<>(id, type.name(), type.version(), at, at, region, key, null, null, PRODUCER,
                payload);
    }
}
