package org.hcp.reporting.publication;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hcp.events.bulletin.BulletinPublished;
import org.hcp.events.bulletin.BulletinScope;

/**
 * The summary paragraphs at the head of a bulletin, written from its figures alone: how many ratings, the good-review,
 * satisfaction and unrated rates with their month-on-month and year-on-year changes, the bad reviews and what they
 * were most about, rectification on time, appeals, who ranked first and last, and who is warned (R4.4).
 */
public final class BulletinSummary {

    private static final int TAGS_NAMED = 3;

    private BulletinSummary() {
    }

    /** The summary in {@code e}, tags named as {@code naming} names them (English names in the English edition). */
    public static List<String> of(BulletinPublished b, Edition e, BulletinView.Naming naming) {
        Map<String, Number> f = b.figures();
        String name = BulletinView.scopeName(b);
        String month = Formats.month(e, YearMonth.parse(b.month()));
        List<String> paragraphs = new ArrayList<>();
        long ratings = count(f.get("ratings"));
        if (ratings == 0) {
            paragraphs.add(e.pick(month + "，" + name + "未收到政务服务评价。",
                    "In " + month + ", " + name + " received no rating."));
            return paragraphs;
        }
        paragraphs.add(e.pick(
                month + "，" + name + "共收到政务服务评价" + Formats.count(ratings) + "条"
                        + changeZh(Formats.change(e, ratings, number(b.previousMonth(), "ratings")), "较上月")
                        + "，其中主动评价" + Formats.count(f.get("activeRatings")) + "条、默认评价"
                        + Formats.count(f.get("defaultRatings")) + "条。好评率" + Formats.rate(f.get("goodRate"))
                        + moves(b, "goodRate", e) + "；服务满意率" + Formats.rate(f.get("satisfactionRate"))
                        + moves(b, "satisfactionRate", e) + "；未评价率" + Formats.rate(f.get("unratedRate"))
                        + moves(b, "unratedRate", e) + "。",
                "In " + month + ", " + name + " received " + Formats.count(ratings) + " ratings"
                        + changeEn(Formats.change(e, ratings, number(b.previousMonth(), "ratings")), "on last month")
                        + ", " + Formats.count(f.get("activeRatings")) + " given by evaluators and "
                        + Formats.count(f.get("defaultRatings")) + " by default. The good-review rate was "
                        + Formats.rate(f.get("goodRate")) + moves(b, "goodRate", e) + "; the satisfaction rate "
                        + Formats.rate(f.get("satisfactionRate")) + moves(b, "satisfactionRate", e)
                        + "; the unrated rate " + Formats.rate(f.get("unratedRate")) + moves(b, "unratedRate", e)
                        + "."));
        paragraphs.add(badReviews(b, e, naming));
        String ranking = ranking(b, e);
        if (ranking != null) {
            paragraphs.add(ranking);
        }
        return paragraphs;
    }

    private static String badReviews(BulletinPublished b, Edition e, BulletinView.Naming naming) {
        Map<String, Number> f = b.figures();
        long bad = count(f.get("bad"));
        StringBuilder s = new StringBuilder();
        if (bad == 0) {
            s.append(e.pick("本月无差评。", "There was no bad review this month."));
        } else {
            s.append(e.pick("差评" + Formats.count(bad) + "条，差评率" + Formats.rate(f.get("badRate")) + "。",
                    Formats.count(bad) + " ratings were bad reviews (" + Formats.rate(f.get("badRate")) + ")."));
            List<BulletinPublished.TagCount> tags = b.topTags().stream()
                    .sorted(Comparator.comparingLong(BulletinPublished.TagCount::count).reversed())
                    .limit(TAGS_NAMED).toList();
            if (!tags.isEmpty()) {
                List<String> named = tags.stream().map(t -> e.pick("“" + BulletinView.tagName(t, e, naming)
                        + "”（" + Formats.count(t.count()) + "条）", "\"" + BulletinView.tagName(t, e, naming)
                        + "\" (" + Formats.count(t.count()) + ")")).toList();
                s.append(e.pick("差评反映最多的问题是" + join(named, "、", "和") + "。",
                        " They were most about " + join(named, ", ", " and ") + "."));
            }
            if (count(f.get("rectifications")) > 0) {
                s.append(rectification(b, e));
            }
        }
        long followUps = count(f.get("followUps"));
        if (followUps > 0) {
            s.append(e.pick("群众对整改追评" + Formats.count(followUps) + "件，整改满意率"
                            + Formats.rate(f.get("followUpSatisfactionRate")) + "。",
                    " Evaluators rated the handling " + Formats.count(followUps) + " times; satisfaction with "
                            + "rectification was " + Formats.rate(f.get("followUpSatisfactionRate")) + "."));
        }
        long appeals = count(f.get("appealsFiled"));
        if (appeals > 0) {
            s.append(e.pick("受理申诉" + Formats.count(appeals) + "件，经核实成立" + Formats.count(f.get("appealsUpheld"))
                            + "件，相关评价不计入统计。",
                    " " + Formats.count(appeals) + " appeals were filed and " + Formats.count(f.get("appealsUpheld"))
                            + " upheld; those ratings are not counted."));
        }
        return s.toString();
    }

    private static String rectification(BulletinPublished b, Edition e) {
        Map<String, Number> f = b.figures();
        String callback = f.get("callbackRate") == null ? "" : e.pick("；实名差评回访率" + Formats.rate(f.get("callbackRate")),
                ", and real-name bad reviews were called back at " + Formats.rate(f.get("callbackRate")));
        return e.pick("差评整改" + Formats.count(f.get("rectifications")) + "件，已整改" + Formats.count(f.get("rectified"))
                        + "件，按时整改率" + Formats.rate(f.get("onTimeRate")) + moves(b, "onTimeRate", e) + callback + "。",
                " Of " + Formats.count(f.get("rectifications")) + " bad reviews to rectify, "
                        + Formats.count(f.get("rectified")) + " were rectified; the on-time rate was "
                        + Formats.rate(f.get("onTimeRate")) + moves(b, "onTimeRate", e) + callback + ".");
    }

    private static String ranking(BulletinPublished b, Edition e) {
        StringBuilder s = new StringBuilder();
        List<BulletinPublished.RankedUnit> districts = b.districtRanking() == null ? List.of() : ranked(
                b.districtRanking());
        if (districts.size() >= 2) {
            s.append(e.pick("各县（市）区中，" + districtName(districts.get(0), b, e) + "满意度排名第一，"
                            + districtName(districts.get(districts.size() - 1), b, e) + "排名末位。",
                    "Of the districts, " + districtName(districts.get(0), b, e) + " ranked first and "
                            + districtName(districts.get(districts.size() - 1), b, e) + " last. "));
        }
        List<BulletinPublished.RankedUnit> units = ranked(b.ranking());
        if (units.size() >= 2) {
            String kind = b.scope() == BulletinScope.REGION ? e.pick("家单位", " institutions")
                    : e.pick("名工作人员", " staff");
            s.append(e.pick("参与排名的" + units.size() + kind + "中，" + unitName(units.get(0)) + "排名第一，"
                            + unitName(units.get(units.size() - 1)) + "排名末位",
                    "Of the " + units.size() + kind + " ranked, " + unitName(units.get(0)) + " ranked first and "
                            + unitName(units.get(units.size() - 1)) + " last"));
            long tooFew = b.ranking().size() - units.size();
            s.append(tooFew == 0 ? e.pick("。", ".") : e.pick("；另有" + tooFew + "个评价数不足" + b.minimumRatings()
                    + "条，样本不足，未参与排名。", "; " + tooFew + " more had fewer than " + b.minimumRatings()
                    + (tooFew == 1 ? " ratings and was not ranked." : " ratings and were not ranked.")));
        }
        if (b.warned() != null && !b.warned().isEmpty()) {
            List<String> names = b.warned().stream().map(w -> w.name() == null ? w.unit() : w.name()).toList();
            int months = b.warned().get(0).ranks().size();
            s.append(e.pick(join(names, "、", "、") + "连续" + months + "个月满意度排名靠后，予以通报，请限期整改。",
                    " " + join(names, ", ", " and ") + " ranked near the bottom " + months
                            + " months running: they are named here and asked to improve within a set time."));
        }
        return s.isEmpty() ? null : s.toString().strip();
    }

    private static List<BulletinPublished.RankedUnit> ranked(List<BulletinPublished.RankedUnit> all) {
        return all.stream().filter(BulletinPublished.RankedUnit::isRanked).toList();
    }

    private static String unitName(BulletinPublished.RankedUnit r) {
        return r.name() == null ? r.unit() : r.name();
    }

    private static String districtName(BulletinPublished.RankedUnit r, BulletinPublished city, Edition e) {
        return BulletinView.districtName(r.unit(), r.name(), city, e);
    }

    /** A rate's month-on-month and year-on-year movement, or nothing when there is nothing to compare. */
    private static String moves(BulletinPublished b, String figure, Edition e) {
        String mom = Formats.points(e, b.figures().get(figure), number(b.previousMonth(), figure));
        String yoy = Formats.points(e, b.figures().get(figure), number(b.sameMonthLastYear(), figure));
        return e == Edition.ZH ? changeZh(mom, "较上月") + changeZh(yoy, "较上年同期")
                : changeEn(mom, "on last month") + changeEn(yoy, "on a year before");
    }

    private static String changeZh(String change, String against) {
        return change == null ? "" : "，" + against + change;
    }

    private static String changeEn(String change, String against) {
        return change == null ? "" : " (" + change + " " + against + ")";
    }

    private static Number number(Map<String, Number> figures, String name) {
        return figures == null ? null : figures.get(name);
    }

    private static String join(List<String> items, String separator, String last) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(separator, items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }

    private static long count(Number n) {
        return n == null ? 0 : n.longValue();
    }
}
