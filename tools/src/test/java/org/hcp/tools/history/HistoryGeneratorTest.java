package org.hcp.tools.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hcp.events.CaseCompleted;
import org.hcp.events.Channel;
import org.hcp.events.EventJson;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingReminderIssued;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.appeal.AppealDecided;
import org.hcp.events.appeal.AppealFiled;
import org.hcp.events.appeal.AppealOutcome;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.policy.PolicyBook;
import org.hcp.events.rectification.CallbackRecorded;
import org.hcp.events.rectification.RectificationClosed;
import org.hcp.events.rectification.RectificationOpened;
import org.hcp.events.rectification.RectificationWithdrawn;
import org.hcp.tools.history.HistoryGenerator.Item;
import org.hcp.tools.history.HistoryGenerator.Options;
import org.junit.jupiter.api.Test;

/** The generated history is reproducible, in recording order, in the real format, and shaped as docs/history.md says. */
class HistoryGeneratorTest {

    private static final Options ONE_MONTH = new Options(7, LocalDate.of(2025, 3, 1), 1, 0.5);

    private static List<Item> generate(Options options) {
        List<Item> items = new ArrayList<>();
        HistoryGenerator.generate(options, items::add);
        return items;
    }

    @Test
    void theSameOptionsGiveTheSameHistoryEventForEvent() {
        List<String> first = generate(ONE_MONTH).stream().map(i -> EventJson.write(i.event())).toList();
        List<String> second = generate(ONE_MONTH).stream().map(i -> EventJson.write(i.event())).toList();
        assertEquals(first, second);
        assertFalse(first.equals(generate(new Options(8, ONE_MONTH.from(), 1, 0.5)).stream()
                .map(i -> EventJson.write(i.event())).toList()), "another seed, another history");
    }

    @Test
    void theDefaultHistoryOfTheCommandEndsWithTheCurrentMonthAndNeverRunsAheadOfNow() {
        Instant now = Instant.parse("2026-12-04T06:00:00Z");
        Options options = Options.endingNow(now);
        assertEquals(LocalDate.of(2026, 1, 1), options.from(), "twelve months up to and including December");
        // A small slice of it: the last days before now, at a small scale.
        Options slice = new Options(options.seed(), LocalDate.of(2026, 11, 25), 1, 0.2, now);
        List<Item> items = generate(slice);
        assertTrue(items.stream().anyMatch(i -> i.event().recordedAt().isAfter(now.minus(java.time.Duration.ofDays(1)))),
                "the history reaches today");
        assertTrue(items.stream().noneMatch(i -> i.event().recordedAt().isAfter(now)), "nothing after now");
        assertTrue(generate(new Options(slice.seed(), slice.from(), 1, 0.2)).stream()
                .anyMatch(i -> i.event().recordedAt().isAfter(now)), "without the cut-off the month runs on");
    }

    @Test
    void eventsComeInTheOrderTheyWouldHaveBeenRecordedAndReadBackAsWritten() {
        List<Item> items = generate(ONE_MONTH);
        for (int i = 1; i < items.size(); i++) {
            assertFalse(items.get(i).event().recordedAt().isBefore(items.get(i - 1).event().recordedAt()), "at " + i);
        }
        for (Item item : items) {
            String json = EventJson.write(item.event());
            assertEquals(json, EventJson.write(EventJson.read(json)), "the published schema reads it back");
        }
    }

    @Test
    void r1_9_theHistoryHasTheShapeOfAMonthOfHalls() {
        List<Item> items = generate(ONE_MONTH);
        List<CaseCompleted> cases = payloads(items, CaseCompleted.class);
        List<RatingSubmitted> ratings = payloads(items, RatingSubmitted.class);
        List<RatingSubmitted> own = ratings.stream().filter(r -> r.origin() == RatingOrigin.EVALUATOR).toList();
        List<RatingSubmitted> defaults = ratings.stream().filter(r -> r.origin() == RatingOrigin.DEFAULT_RATING)
                .toList();

        assertTrue(cases.size() > 5_000, "cases: " + cases.size());
        assertEquals(cases.size(), ratings.size(), "every case is rated once, by its evaluator or by default");
        double rated = (double) own.size() / cases.size();
        assertTrue(rated > 0.75 && rated < 0.88, "rated by evaluators: " + rated);
        double bad = own.stream().filter(r -> r.level() <= 2).count() / (double) own.size();
        assertTrue(bad > 0.02 && bad < 0.08, "bad reviews: " + bad);
        PolicyBook policies = PolicyBook.shipped();
        own.stream().filter(r -> r.level() <= 2).forEach(r -> {
            assertFalse(r.tags().isEmpty(), "R1.3: a bad review names its problem");
            r.tags().forEach(t -> assertTrue(policies.resolve(r.regionCode(), LocalDate.of(2025, 3, 1)).hasTag(t)));
        });
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        own.forEach(r -> channels.add(r.channel()));
        assertTrue(channels.containsAll(List.of(Channel.WINDOW_DEVICE, Channel.QR_CODE, Channel.MOBILE_APP,
                Channel.WEBSITE, Channel.SMS, Channel.HOTLINE_12345, Channel.PAPER_FORM)), channels.toString());
        // R1.9: Jilin City's default is 3 (JE inherits it), Tai'an's 4 after a reminder.
        assertEquals(Set.of(3), levels(defaults, "2202"));
        assertEquals(Set.of(4), levels(defaults, "3709"));
        List<RatingReminderIssued> reminders = payloads(items, RatingReminderIssued.class);
        assertFalse(reminders.isEmpty());
        assertTrue(reminders.stream().allMatch(r -> r.regionCode().startsWith("3709")), "only Tai'an reminds");
    }

    @Test
    void r2_r3_everyBadReviewIsRectifiedOrWithdrawnAfterAnUpheldAppeal() {
        List<Item> items = generate(ONE_MONTH);
        List<RatingSubmitted> bad = payloads(items, RatingSubmitted.class).stream()
                .filter(r -> r.origin() == RatingOrigin.EVALUATOR && r.level() <= 2).toList();
        java.util.Map<String, RectificationOpened> opened = new java.util.HashMap<>();
        payloads(items, RectificationOpened.class).forEach(o -> opened.put(o.rectificationId(), o));
        assertEquals(bad.size(), opened.size(), "R2.1: one rectification per bad review");
        for (RatingSubmitted r : bad) {
            RectificationOpened o = opened.get(r.ratingId());
            assertEquals(r.tags(), o.tags());
            assertEquals(r.institutionCode(), o.institutionCode());
        }
        List<AppealFiled> appeals = payloads(items, AppealFiled.class);
        double appealed = appeals.size() / (double) bad.size();
        assertTrue(appealed > 0.03 && appealed < 0.15, "appealed: " + appealed);
        Set<String> notAdopted = new java.util.HashSet<>();
        payloads(items, RatingNotAdopted.class).forEach(n -> notAdopted.add(n.ratingId()));
        Set<String> upheld = new java.util.HashSet<>();
        payloads(items, AppealDecided.class).stream().filter(d -> d.outcome() == AppealOutcome.UPHELD)
                .forEach(d -> upheld.add(d.ratingId()));
        assertFalse(upheld.isEmpty());
        assertEquals(upheld, notAdopted, "R3.4: exactly the upheld appeals make their rating not adopted");
        Set<String> withdrawn = new java.util.HashSet<>();
        payloads(items, RectificationWithdrawn.class).forEach(w -> withdrawn.add(w.rectificationId()));
        assertEquals(upheld, withdrawn);
        List<RectificationClosed> closed = payloads(items, RectificationClosed.class);
        assertTrue(closed.stream().noneMatch(c -> withdrawn.contains(c.rectificationId())));
        double onTime = closed.stream().filter(RectificationClosed::onTime).count() / (double) closed.size();
        assertTrue(onTime > 0.7 && onTime < 0.95, "closed on time: " + onTime);
        assertTrue(payloads(items, CallbackRecorded.class).stream()
                .allMatch(c -> opened.get(c.rectificationId()).realName()), "R2.5: callbacks go to named evaluators");
    }

    private static Set<Integer> levels(List<RatingSubmitted> ratings, String prefix) {
        Set<Integer> levels = new java.util.TreeSet<>();
        ratings.stream().filter(r -> r.regionCode().startsWith(prefix)).forEach(r -> levels.add(r.level()));
        return levels;
    }

    private static <T> List<T> payloads(List<Item> items, Class<T> type) {
        return items.stream().map(i -> i.event().payload()).filter(type::isInstance).map(type::cast).toList();
    }
}
