package org.hcp.reporting.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hcp.events.bulletin.BulletinPublished;
import org.hcp.events.text.Csv;
import org.hcp.reporting.domain.Bulletins;

/**
 * The bulletin's documents (R4.3, R4.7): CSV (the project's RFC 4180 writer) and a web page (Qute, escaping included).
 * Both are made from the frozen payload alone, so they are the same bytes whatever happens to the month later; the
 * page shows the errata below the bulletin, never inside it. Aggregates only: nothing here names an evaluator.
 */
final class BulletinDocuments {

    /** Chinese label, English label, per figure name of {@link Bulletins#figures}. */
    static final Map<String, String[]> LABELS = new LinkedHashMap<>();

    static {
        label("ratings", "评价总数", "Ratings");
        for (int level = 5; level >= 1; level--) {
            label("byLevel." + level, org.hcp.events.RatingLevel.satisfactionLabel(level), "Level " + level);
        }
        label("activeRatings", "主动评价数", "Ratings by evaluators");
        label("defaultRatings", "默认评价数", "Default ratings");
        label("satisfied", "满意数", "Satisfied (4-5)");
        label("good", "好评数", "Good reviews");
        label("bad", "差评数", "Bad reviews");
        label("goodRate", "好评率", "Good-review rate");
        label("activeGoodRate", "主动评价好评率", "Active good-review rate");
        label("satisfactionRate", "服务满意率", "Satisfaction rate");
        label("badRate", "差评率", "Bad-review rate");
        label("unratedRate", "未评价率", "Unrated rate");
        label("completedCases", "办结件数", "Completed cases");
        label("ratedCases", "已评价件数", "Rated cases");
        label("coverage", "评价覆盖率", "Coverage");
        label("rectifications", "差评整改件数", "Rectifications");
        label("rectified", "已整改件数", "Rectified");
        label("rectificationRate", "整改率", "Rectification rate");
        label("rectifiedOnTime", "按时整改件数", "Rectified on time");
        label("onTimeRate", "按时整改率", "On-time rate");
        label("realNameBadReviews", "实名差评数", "Real-name bad reviews");
        label("calledBack", "已回访数", "Called back");
        label("callbackRate", "实名差评回访率", "Callback rate");
        label("appealsFiled", "申诉件数", "Appeals filed");
        label("appealsUpheld", "申诉成立件数", "Appeals upheld");
        label("followUps", "追评件数", "Follow-up ratings");
        label("followUpsSatisfied", "追评满意件数", "Satisfied follow-ups");
        label("followUpSatisfactionRate", "整改满意率", "Satisfaction with rectification");
    }

    private static void label(String figure, String zh, String en) {
        LABELS.put(figure, new String[] {zh, en});
    }

    private BulletinDocuments() {
    }

    static String csv(BulletinPublished b) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("section", "item", "名称", "name", "value"));
        rows.add(List.of("bulletin", "bulletinId", "通报编号", "Bulletin", b.bulletinId()));
        rows.add(List.of("bulletin", "month", "月份", "Month", b.month()));
        rows.add(List.of("bulletin", "scope", "范围", "Scope", b.scope().name() + " " + b.scopeCode()
                + (b.scopeName() == null ? "" : " " + b.scopeName())));
        rows.add(List.of("bulletin", "contentHash", "内容摘要 (SHA-256)", "Content hash", b.contentHash()));
        b.figures().forEach((name, value) -> {
            String[] l = LABELS.getOrDefault(name, new String[] {name, name});
            rows.add(List.of("figure", name, l[0], l[1], String.valueOf(value)));
        });
        b.ratingsByChannel().forEach((channel, n) -> rows.add(List.of("channel", channel, channelName(channel),
                channel, Long.toString(n))));
        b.ranking().forEach(r -> rows.add(List.of("ranking", r.unit(), "第" + r.rank() + "名"
                + (r.name() == null ? "" : " " + r.name()), "rank " + r.rank(),
                r.index() + " [" + r.lower() + ", " + r.upper() + "] raw " + r.rawRate() + " n=" + r.ratings())));
        b.topTags().forEach(t -> rows.add(List.of("tag", t.tag(), t.name() == null ? t.tag() : t.name(), t.tag(),
                t.count() + (t.share() == null ? "" : " (" + t.share() + ")"))));
        return Csv.write(rows);
    }

    /** What the page shows: the frozen bulletin, labelled, and the errata. */
    record Page(BulletinPublished bulletin, List<Row> figures, List<Row> channels, List<Bulletins.Erratum> errata) {
    }

    record Row(String zh, String en, String value) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance bulletin(Page page);
    }

    static String html(BulletinPublished b, List<Bulletins.Erratum> errata) {
        return Templates.bulletin(new Page(b, figureRows(b), channelRows(b), errata)).render();
    }

    /** Every figure, labelled in Chinese and English, its value as a reader sees it (the page and the PDF). */
    static List<Row> figureRows(BulletinPublished b) {
        List<Row> rows = new ArrayList<>();
        b.figures().forEach((name, value) -> {
            String[] l = LABELS.getOrDefault(name, new String[] {name, name});
            rows.add(new Row(l[0], l[1], format(name, value)));
        });
        return rows;
    }

    /** Ratings per channel: the channel's Chinese name, its code, the count. */
    static List<Row> channelRows(BulletinPublished b) {
        List<Row> rows = new ArrayList<>();
        b.ratingsByChannel().forEach((c, n) -> rows.add(new Row(channelName(c), c, Long.toString(n))));
        return rows;
    }

    /** The name a downloaded document is saved under. */
    static String fileName(BulletinPublished b, String extension) {
        return "bulletin-" + b.bulletinId().replace('/', '-') + "." + extension;
    }

    private static String format(String name, Number value) {
        return name.endsWith("Rate") || name.equals("coverage")
                ? String.format(java.util.Locale.ROOT, "%.2f%%", value.doubleValue() * 100) : value.toString();
    }

    private static String channelName(String channel) {
        try {
            return org.hcp.events.Channel.valueOf(channel).chineseName();
        } catch (IllegalArgumentException e) {
            return channel;
        }
    }
}
