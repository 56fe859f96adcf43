package org.hcp.reporting.publication;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hcp.events.Channel;
import org.hcp.events.RatingLevel;
import org.hcp.events.bulletin.BulletinPublished;
import org.hcp.events.bulletin.BulletinScope;
import org.hcp.reporting.domain.Bulletins;

/**
 * R4.3 / R4.7: a frozen bulletin as a publication, in one edition: title, issuer and number, the summary paragraph,
 * then sections (each a table, most with a chart of the same numbers beside it), the method and the errata. Pure: made
 * from the frozen payload alone (and the names of levels and tags), so the page and the PDF say the same whatever
 * happens to the month later. Names, never codes; an evaluator never appears (the payload holds none).
 */
public record BulletinView(Edition edition, String title, String issuer, String documentNumber, String issuedAt,
        String scopeLine, List<String> summary, List<Section> sections, List<String> notes, String contentHash,
        List<List<String>> errata) {

    /** How levels and tags are named: the policy's level label set, and each tag's English name. */
    public record Naming(String levelLabels, Function<String, String> tagEnglishName) {
    }

    /** A section: its heading, its table, and a chart of the table's numbers (or none). */
    public record Section(String id, String heading, Chart chart, Table table, String note) {
    }

    /** A table; {@code numeric} says which columns hold numbers (aligned right). */
    public record Table(List<String> columns, List<Boolean> numeric, List<List<String>> rows) {
    }

    /** A horizontal bar chart: one bar per label, its value, and the value as the table writes it. */
    public record Chart(String title, boolean rates, List<Bar> bars) {
    }

    public record Bar(String label, double value, String text) {
    }

    private static final List<String> KEY_FIGURES = List.of("ratings", "activeRatings", "defaultRatings",
            "goodRate", "activeGoodRate", "satisfactionRate", "unratedRate", "coverage", "bad", "badRate");
    private static final List<String> HANDLING = List.of("rectifications", "rectified", "rectificationRate",
            "rectifiedOnTime", "onTimeRate", "realNameBadReviews", "calledBack", "callbackRate", "followUps",
            "followUpsSatisfied", "followUpSatisfactionRate", "appealsFiled", "appealsUpheld");
    private static final int CHART_BARS = 15;

    public static BulletinView of(BulletinPublished b, List<Bulletins.Erratum> errata, Edition e, Naming naming) {
        YearMonth month = YearMonth.parse(b.month());
        String name = scopeName(b);
        String title = e.pick(name + "政务服务“好差评”情况通报（" + Formats.month(e, month) + "）",
                "Government Service Ratings Bulletin: " + name + ", " + Formats.month(e, month));
        String scopeLine = e.pick((b.scope() == BulletinScope.INSTITUTION ? "政务服务机构：" : "行政区域：") + name,
                (b.scope() == BulletinScope.INSTITUTION ? "Institution: " : "Region: ") + name);
        List<Section> sections = new ArrayList<>();
        sections.add(figures("figures", numbered(e, 1, e.pick("主要指标", "Main figures")), b, KEY_FIGURES, e));
        sections.add(levels(numbered(e, sections.size() + 1, e.pick("评价等级分布", "Ratings by level")), b,
                e, naming));
        sections.add(channels(numbered(e, sections.size() + 1, e.pick("各渠道评价情况", "Ratings by channel")),
                b, e));
        if (b.isCityWide()) {
            sections.add(districts(numbered(e, sections.size() + 1,
                    e.pick("各县（市）区评价情况", "The districts compared")), b, e));
            if (b.districtRanking() != null && !b.districtRanking().isEmpty()) {
                sections.add(ranking("district-ranking", numbered(e, sections.size() + 1,
                        e.pick("各县（市）区满意度排名", "Districts ranked")),
                        e.pick("县（市）区", "District"), b.districtRanking(), b, e));
            }
        }
        if (!b.ranking().isEmpty()) {
            String unit = b.scope() == BulletinScope.REGION ? e.pick("单位", "Institution") : e.pick("工作人员", "Staff");
            String heading = b.scope() == BulletinScope.REGION
                    ? e.pick("政务服务机构满意度排名", "Institutions ranked")
                    : e.pick("工作人员满意度排名", "Staff ranked");
            sections.add(ranking("ranking", numbered(e, sections.size() + 1, heading), unit, b.ranking(), b, e));
        }
        if (!b.topTags().isEmpty()) {
            sections.add(tags(numbered(e, sections.size() + 1, e.pick("差评主要问题", "What bad reviews were about")), b,
                    e, naming));
        }
        sections.add(figures("handling", numbered(e, sections.size() + 1,
                e.pick("差评整改、回访与申诉", "Rectification, callbacks and appeals")), b, HANDLING, e));
        List<List<String>> errataRows = errata.stream().map(x -> List.of(erratumLabel(x.figure(), e),
                value(x.figure(), x.published()), value(x.figure(), x.now()))).toList();
        return new BulletinView(e, title, b.issuer(), b.documentNumber(),
                b.publishedAt() == null ? null : Formats.time(e, b.publishedAt()), scopeLine,
                BulletinSummary.of(b, e, naming), sections, notes(b, e), b.contentHash(), errataRows);
    }

    /** The scope's name, or its code when the directory has none. */
    static String scopeName(BulletinPublished b) {
        return b.scopeName() == null ? b.scopeCode() : b.scopeName();
    }

    private static String numbered(Edition e, int n, String heading) {
        String[] zh = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        return e.pick(zh[Math.min(n, zh.length) - 1] + "、" + heading, n + ". " + heading);
    }

    private static Section figures(String id, String heading, BulletinPublished b, List<String> names, Edition e) {
        List<List<String>> rows = new ArrayList<>();
        for (String f : names) {
            if (!b.figures().containsKey(f)) {
                continue;
            }
            rows.add(List.of(FigureLabels.of(f).in(e), FigureLabels.format(f, b.figures().get(f)),
                    compare(f, b.figures(), b.previousMonth(), e), compare(f, b.figures(), b.sameMonthLastYear(), e)));
        }
        Table table = new Table(List.of(e.pick("指标", "Figure"), e.pick("本月", "This month"),
                e.pick("环比", "On last month"), e.pick("同比", "On a year before")), List.of(false, true, true, true),
                rows);
        return new Section(id, heading, null, table, null);
    }

    private static String compare(String figure, Map<String, Number> now, Map<String, Number> before, Edition e) {
        if (before == null) {
            return "—";
        }
        String c = FigureLabels.of(figure).rate() ? Formats.points(e, now.get(figure), before.get(figure))
                : Formats.change(e, now.get(figure), before.get(figure));
        return c == null ? "—" : c;
    }

    private static Section levels(String heading, BulletinPublished b, Edition e, Naming naming) {
        long total = count(b.figures().get("ratings"));
        List<List<String>> rows = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        for (int level = RatingLevel.MAX; level >= RatingLevel.MIN; level--) {
            long n = count(b.figures().get("byLevel." + level));
            String label = RatingLevel.label(naming.levelLabels(), level, e == Edition.EN);
            rows.add(List.of(label, Formats.count(n), share(n, total)));
            bars.add(new Bar(label, n, Formats.count(n)));
        }
        return new Section("levels", heading,
                new Chart(e.pick("评价等级分布", "Ratings by level"), false, bars),
                new Table(List.of(e.pick("评价等级", "Level"), e.pick("评价数", "Ratings"), e.pick("占比", "Share")),
                        List.of(false, true, true), rows), null);
    }

    private static Section channels(String heading, BulletinPublished b, Edition e) {
        long total = b.ratingsByChannel().values().stream().mapToLong(Long::longValue).sum();
        List<Map.Entry<String, Long>> sorted = b.ratingsByChannel().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        List<List<String>> rows = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        for (Map.Entry<String, Long> c : sorted) {
            String label = channelName(c.getKey(), e);
            rows.add(List.of(label, Formats.count(c.getValue()), share(c.getValue(), total)));
            bars.add(new Bar(label, c.getValue(), Formats.count(c.getValue())));
        }
        return new Section("channels", heading,
                new Chart(e.pick("各渠道评价数", "Ratings by channel"), false, bars),
                new Table(List.of(e.pick("评价渠道", "Channel"), e.pick("评价数", "Ratings"), e.pick("占比", "Share")),
                        List.of(false, true, true), rows), null);
    }

    private static Section districts(String heading, BulletinPublished b, Edition e) {
        List<String> figures = List.of("ratings", "goodRate", "satisfactionRate", "unratedRate", "bad", "onTimeRate");
        List<List<String>> rows = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        for (BulletinPublished.AreaFigures d : b.districts()) {
            String name = districtName(d.code(), d.name(), b, e);
            List<String> row = new ArrayList<>();
            row.add(name);
            figures.forEach(f -> row.add(FigureLabels.format(f, d.figures().get(f))));
            rows.add(row);
            Number rate = d.figures().get("satisfactionRate");
            if (rate != null) {
                bars.add(new Bar(name, rate.doubleValue(), Formats.rate(rate)));
            }
        }
        List<String> columns = new ArrayList<>();
        columns.add(e.pick("县（市）区", "District"));
        figures.forEach(f -> columns.add(FigureLabels.of(f).in(e)));
        List<Boolean> numeric = new ArrayList<>();
        numeric.add(false);
        figures.forEach(f -> numeric.add(true));
        return new Section("districts", heading,
                new Chart(e.pick("各县（市）区服务满意率", "Satisfaction rate by district"), true, bars),
                new Table(columns, numeric, rows), null);
    }

    /** A district's name; the city's own level (its ..00 code) is its departments, 市本级. */
    static String districtName(String code, String name, BulletinPublished city, Edition e) {
        String n = name == null ? code : name;
        return code.equals(city.scopeCode()) ? n + e.pick("（市本级）", " (city level)") : n;
    }

    private static Section ranking(String id, String heading, String unitColumn,
            List<BulletinPublished.RankedUnit> units, BulletinPublished b, Edition e) {
        List<List<String>> rows = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        for (BulletinPublished.RankedUnit r : units) {
            String name = id.equals("district-ranking") ? districtName(r.unit(), r.name(), b, e)
                    : r.name() == null ? r.unit() : r.name();
            boolean ranked = r.isRanked();
            rows.add(List.of(ranked ? Integer.toString(r.rank()) : e.pick("样本不足", "Too few ratings"), name,
                    Formats.count(r.ratings()), Formats.rate(r.rawRate()), ranked ? Formats.rate(r.index()) : "—",
                    ranked ? Formats.rate(r.lower()) + " – " + Formats.rate(r.upper()) : "—"));
            if (ranked && bars.size() < CHART_BARS) {
                bars.add(new Bar(name, r.lower(), Formats.rate(r.lower())));
            }
        }
        String note = b.minimumRatings() == null ? null : e.pick(
                "按可比满意度指数的95%置信区间下限排序；评价数少于" + b.minimumRatings() + "条的单位样本不足，不参与排名。",
                "Ranked by the lower bound of the 95% interval of the comparable satisfaction index; a unit with "
                        + "fewer than " + b.minimumRatings() + " ratings is listed, not ranked.");
        return new Section(id, heading, bars.isEmpty() ? null
                : new Chart(e.pick("可比满意度指数（下限）", "Comparable satisfaction index (lower bound)"), true, bars),
                new Table(List.of(e.pick("名次", "Rank"), unitColumn, e.pick("评价数", "Ratings"),
                        e.pick("满意率", "Satisfaction"), e.pick("可比满意度指数", "Index"),
                        e.pick("95%区间", "95% interval")), List.of(true, false, true, true, true, true), rows), note);
    }

    private static Section tags(String heading, BulletinPublished b, Edition e, Naming naming) {
        List<List<String>> rows = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        b.topTags().stream().sorted(Comparator.comparingLong(BulletinPublished.TagCount::count).reversed())
                .forEach(t -> {
                    String label = tagName(t, e, naming);
                    rows.add(List.of(label, Formats.count(t.count()), Formats.rate(t.share())));
                    bars.add(new Bar(label, t.count(), Formats.count(t.count())));
                });
        return new Section("tags", heading, new Chart(e.pick("差评问题分布", "Bad reviews by problem"), false, bars),
                new Table(List.of(e.pick("问题类型", "Problem"), e.pick("差评数", "Bad reviews"),
                        e.pick("占差评比例", "Share of bad reviews")), List.of(false, true, true), rows), null);
    }

    static String tagName(BulletinPublished.TagCount t, Edition e, Naming naming) {
        String english = e == Edition.EN ? naming.tagEnglishName().apply(t.tag()) : null;
        return english != null ? english : t.name() != null ? t.name() : t.tag();
    }

    private static List<String> notes(BulletinPublished b, Edition e) {
        List<String> notes = new ArrayList<>();
        notes.add(e.pick("本通报数据来自政务服务“好差评”系统，统计截至发布时刻；此后因申诉成立等原因发生的变化列于勘误，不改动通报本身。",
                "The figures are those of the ratings system at the moment of publication; what changed later (an "
                        + "upheld appeal, a late rating) is listed as an erratum, never changed in the bulletin."));
        notes.add(e.pick("好评率＝“非常满意”“满意”“基本满意”评价数÷评价总数；服务满意率＝“非常满意”“满意”评价数÷评价总数；"
                + "未评价率＝默认评价数（群众未作评价、到期由系统默认）÷评价总数。",
                "Good-review rate: levels 3 to 5 over all ratings; satisfaction rate: levels 4 and 5 over all "
                        + "ratings; unrated rate: default ratings (the evaluator did not rate in time) over all ratings."));
        notes.add(e.pick("本通报不含评价人的任何个人信息。", "This bulletin holds no personal data of any evaluator."));
        return notes;
    }

    private static String erratumLabel(String figure, Edition e) {
        if (figure.startsWith("ratingsByChannel.")) {
            return e.pick("评价数·", "Ratings · ") + channelName(figure.substring("ratingsByChannel.".length()), e);
        }
        return FigureLabels.of(figure).in(e);
    }

    private static String value(String figure, Number n) {
        return n == null ? "—" : figure.startsWith("ratingsByChannel.") ? Formats.count(n)
                : FigureLabels.format(figure, n);
    }

    /** A channel's name in the edition; a code the enum does not know is shown as it is. */
    public static String channelName(String channel, Edition e) {
        try {
            Channel c = Channel.valueOf(channel);
            return e.pick(c.chineseName(), c.englishName());
        } catch (IllegalArgumentException unknown) {
            return channel;
        }
    }

    private static String share(long n, long total) {
        return total == 0 ? "—" : Formats.rate(n / (double) total);
    }

    private static long count(Number n) {
        return n == null ? 0 : n.longValue();
    }
}
