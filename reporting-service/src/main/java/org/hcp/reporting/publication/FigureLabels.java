package org.hcp.reporting.publication;

import java.util.LinkedHashMap;
import java.util.Map;

/** The name of each figure of a bulletin (docs/figures.md) in both editions, and whether it is a count or a rate. */
public final class FigureLabels {

    /** A figure's names and kind. */
    public record Label(String zh, String en, boolean rate) {
        public String in(Edition e) {
            return e.pick(zh, en);
        }
    }

    private static final Map<String, Label> LABELS = new LinkedHashMap<>();

    static {
        count("ratings", "评价总数", "Ratings");
        count("byLevel.5", "非常满意", "Very satisfied");
        count("byLevel.4", "满意", "Satisfied");
        count("byLevel.3", "基本满意", "Fairly satisfied");
        count("byLevel.2", "不满意", "Dissatisfied");
        count("byLevel.1", "非常不满意", "Very dissatisfied");
        count("activeRatings", "主动评价数", "Ratings by evaluators");
        count("defaultRatings", "默认评价数", "Default ratings");
        count("satisfied", "满意数", "Satisfied (levels 4-5)");
        count("good", "好评数", "Good reviews");
        count("bad", "差评数", "Bad reviews");
        rate("goodRate", "好评率", "Good-review rate");
        rate("activeGoodRate", "主动评价好评率", "Good-review rate of active ratings");
        rate("satisfactionRate", "服务满意率", "Satisfaction rate");
        rate("badRate", "差评率", "Bad-review rate");
        rate("unratedRate", "未评价率", "Unrated rate");
        count("completedCases", "办结件数", "Cases completed");
        count("ratedCases", "已评价件数", "Cases rated");
        rate("coverage", "评价覆盖率", "Rating coverage");
        count("rectifications", "差评整改件数", "Bad reviews to rectify");
        count("rectified", "已整改件数", "Rectified");
        rate("rectificationRate", "整改率", "Rectification rate");
        count("rectifiedOnTime", "按时整改件数", "Rectified on time");
        rate("onTimeRate", "按时整改率", "On-time rectification rate");
        count("realNameBadReviews", "实名差评数", "Real-name bad reviews");
        count("calledBack", "已回访数", "Called back");
        rate("callbackRate", "实名差评回访率", "Callback rate of real-name bad reviews");
        count("appealsFiled", "申诉件数", "Appeals filed");
        count("appealsUpheld", "申诉成立件数", "Appeals upheld");
        count("followUps", "追评件数", "Follow-up ratings");
        count("followUpsSatisfied", "追评满意件数", "Satisfied follow-ups");
        rate("followUpSatisfactionRate", "整改满意率", "Satisfaction with rectification");
    }

    private FigureLabels() {
    }

    private static void count(String figure, String zh, String en) {
        LABELS.put(figure, new Label(zh, en, false));
    }

    private static void rate(String figure, String zh, String en) {
        LABELS.put(figure, new Label(zh, en, true));
    }

    /** The figure's label; a figure this version does not know is labelled by its name. */
    public static Label of(String figure) {
        return LABELS.getOrDefault(figure, new Label(figure, figure, figure.endsWith("Rate")));
    }

    /** A figure's value in its kind's one format. */
    public static String format(String figure, Number value) {
        return of(figure).rate() ? Formats.rate(value) : Formats.count(value);
    }
}
