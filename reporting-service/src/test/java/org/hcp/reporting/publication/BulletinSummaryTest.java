package org.hcp.reporting.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hcp.events.bulletin.BulletinPublished;
import org.hcp.events.bulletin.BulletinPublished.RankedUnit;
import org.hcp.events.bulletin.BulletinScope;
import org.junit.jupiter.api.Test;

/** R4.3 / R4.4: the summary paragraph is written from the bulletin's figures, in each edition. */
class BulletinSummaryTest {

    private static final BulletinView.Naming NAMING = new BulletinView.Naming("SATISFACTION",
            Map.of("SLOW", "Took too long")::get);

    private static Map<String, Number> figures(long ratings, double goodRate, double unratedRate, long bad) {
        Map<String, Number> f = new LinkedHashMap<>();
        f.put("ratings", ratings);
        f.put("activeRatings", ratings - 100);
        f.put("defaultRatings", 100L);
        f.put("goodRate", goodRate);
        f.put("satisfactionRate", 0.8);
        f.put("unratedRate", unratedRate);
        f.put("bad", bad);
        f.put("badRate", bad / (double) ratings);
        f.put("rectifications", bad);
        f.put("rectified", bad - 1);
        f.put("onTimeRate", 0.9);
        f.put("callbackRate", 1.0);
        f.put("appealsFiled", 2L);
        f.put("appealsUpheld", 1L);
        return f;
    }

    private static BulletinPublished city(Map<String, Number> previous, Map<String, Number> lastYear,
            List<BulletinPublished.WarnedUnit> warned) {
        List<RankedUnit> ranking = List.of(
                new RankedUnit(1, "G-220202-C", "昌邑区政务服务中心", 900, 0.9, 0.9, 0.88, 0.92),
                new RankedUnit(2, "G-220204-C", "船营区政务服务中心", 800, 0.7, 0.7, 0.67, 0.73),
                new RankedUnit(0, "G-220271-S", "九站街道便民服务站", 3, 0.0, 0.0, 0.0, 0.56));
        List<RankedUnit> districts = List.of(
                new RankedUnit(1, "220202", "昌邑区", 1000, 0.9, 0.9, 0.88, 0.92),
                new RankedUnit(2, "220204", "船营区", 1000, 0.7, 0.7, 0.67, 0.73));
        return new BulletinPublished("2026-11/REGION/220200", "2026-11", BulletinScope.REGION, "220200", "吉林市",
                "220200", figures(2000, 0.9578, 0.15, 50), Map.of("WINDOW_DEVICE", 1500L, "HOTLINE_12345", 500L),
                ranking, List.of(new BulletinPublished.TagCount("SLOW", "办理时间长", 30, 0.6),
                        new BulletinPublished.TagCount("WAITING", "排队等候久", 20, 0.4)), "h",
                Instant.parse("2026-11-30T16:05:00Z"), "吉林市政务服务和数字化建设管理局", "吉市政数评〔2026〕11-1号", 10,
                previous, lastYear, List.of(), districts, warned);
    }

    @Test
    void r4_3_theSummarySaysTheFiguresAndHowTheyMovedOnLastMonthAndLastYear() {
        // Given a month with 2,000 ratings and a good-review rate of 95.78 %, up from 94.56 % and down from 96.00 %
        BulletinPublished b = city(figures(1600, 0.9456, 0.15, 40), figures(2100, 0.96, 0.2, 60), null);
        // when its summary is written
        String zh = String.join("\n", BulletinSummary.of(b, Edition.ZH, NAMING));
        String en = String.join("\n", BulletinSummary.of(b, Edition.EN, NAMING));
        // then it counts, rates and compares in the one format of each kind
        assertTrue(zh.startsWith("2026年11月，吉林市共收到政务服务评价2,000条，较上月增长25.0%"), zh);
        assertTrue(zh.contains("好评率95.78%，较上月上升1.22个百分点，较上年同期下降0.22个百分点"), zh);
        assertTrue(zh.contains("未评价率15.00%，较上月持平，较上年同期下降5.00个百分点"), zh);
        assertTrue(zh.contains("差评反映最多的问题是“办理时间长”（30条）和“排队等候久”（20条）"), zh);
        assertTrue(zh.contains("按时整改率90.00%"), zh);
        assertTrue(zh.contains("受理申诉2件，经核实成立1件"), zh);
        // and names who ranked first and last, leaving out the unit with too few ratings
        assertTrue(zh.contains("各县（市）区中，昌邑区满意度排名第一，船营区排名末位"), zh);
        assertTrue(zh.contains("参与排名的2家单位中，昌邑区政务服务中心排名第一，船营区政务服务中心排名末位；另有1个评价数不足10条"), zh);
        assertTrue(en.startsWith("In November 2026, 吉林市 received 2,000 ratings (up 25.0% on last month)"), en);
        assertTrue(en.contains("The good-review rate was 95.78% (up 1.22 points on last month) (down 0.22 points on a year "
                + "before)"), en);
        assertFalse(zh.contains("SLOW") || zh.contains("G-220") || zh.contains("HOTLINE"), "names, never codes: " + zh);
        assertTrue(en.contains("They were most about \"Took too long\" (30) and \"排队等候久\" (20)"),
                "tags by their English names where the catalogue has them: " + en);
        assertTrue(en.contains("1 more had fewer than 10 ratings and was not ranked"), en);
    }

    @Test
    void r4_3_withNothingToCompareTheSummarySaysNoChange() {
        String zh = String.join("\n", BulletinSummary.of(city(null, null, null), Edition.ZH, NAMING));
        assertTrue(zh.contains("共收到政务服务评价2,000条，其中"), zh);
        assertFalse(zh.contains("较上月") || zh.contains("同期"), zh);
    }

    @Test
    void r4_4_aUnitAtTheBottomMonthAfterMonthIsNamed() {
        BulletinPublished b = city(null, null, List.of(new BulletinPublished.WarnedUnit("G-220204-C", "船营区政务服务中心",
                List.of(2, 2, 2), List.of(2, 2, 2))));
        String zh = String.join("\n", BulletinSummary.of(b, Edition.ZH, NAMING));
        assertTrue(zh.contains("船营区政务服务中心连续3个月满意度排名靠后，予以通报"), zh);
    }

    @Test
    void r4_3_aMonthWithoutRatingsSaysSo() {
        BulletinPublished b = city(null, null, null);
        Map<String, Number> none = new LinkedHashMap<>(b.figures());
        none.put("ratings", 0L);
        BulletinPublished empty = new BulletinPublished(b.bulletinId(), b.month(), b.scope(), b.scopeCode(),
                b.scopeName(), b.regionCode(), none, Map.of(), List.of(), List.of(), "h", b.publishedAt(), b.issuer(),
                b.documentNumber(), 10, null, null, null, null, null);
        assertEquals(List.of("2026年11月，吉林市未收到政务服务评价。"), BulletinSummary.of(empty, Edition.ZH, NAMING));
    }
}
