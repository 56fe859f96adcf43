package org.hcp.intake.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.IntStream;
import org.hcp.events.RatingLevel;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.intake.service.RatingLinks;
import org.hcp.kit.text.Messages;

/**
 * What the citizen's rating page shows, in the reader's language: Chinese first, English on request. The page's own
 * words are in {@code rating-page/text_zh.properties} and {@code text_en.properties}; the case's names, level labels
 * (R1.1) and tag catalogue (R1.3) come from the directory and the jurisdiction's policy.
 */
public record RatingPage(
        String lang,
        boolean large,
        String sizeHref,
        String otherLangHref,
        String otherLang,
        Map<String, String> t,
        String action,
        String itemName,
        String institutionName,
        String windowName,
        String staffName,
        List<Option> levels,
        List<Option> tags,
        boolean tagsVisible,
        List<Option> businessLevels,
        List<Option> serviceLevels,
        List<Question> questions,
        String text,
        String suggestions,
        List<String> errors,
        String messageTitle,
        String messageBody,
        String messageExtra) {

    public static final String ZH = "zh-CN";
    public static final String EN = "en";
    private static final String PAGE = "page.";
    static final Map<String, Map<String, String>> TEXTS = Map.of(ZH, load(Messages.ZH), EN, load(Messages.EN));
    static final List<String> QUESTIONS = List.of("guidanceClear", "procedureConvenient", "materialsStreamlined",
            "interfaceFriendly");

    /** A radio button or checkbox. {@code bad} marks the levels of a bad review, which ask for tags (R1.3). */
    public record Option(String value, String label, boolean bad, boolean checked) {
    }

    /** One detail-form question (R1.2) and the answer given so far: "yes", "no" or "". */
    public record Question(String name, String label, String answer) {
    }

    /** What the evaluator entered, kept when the page is shown again with errors. */
    public record Entered(Integer level, Set<String> tags, Integer businessLevel, Integer serviceLevel,
            Map<String, String> answers, String text, String suggestions) {

        static final Entered NOTHING = new Entered(null, Set.of(), null, null, Map.of(), null, null);
    }

    public static String language(String requested) {
        return EN.equalsIgnoreCase(requested) ? EN : ZH;
    }

    /** {@code ?size=large}: the elderly-friendly large-text mode (长辈版), kept on every link and form of the pages. */
    public static boolean large(String size) {
        return "large".equalsIgnoreCase(size);
    }

    /** The query that keeps a reader's language and text size. */
    static String query(String lang, boolean large) {
        return "?lang=" + (EN.equals(lang) ? "en" : "zh") + (large ? "&size=large" : "");
    }

    public static RatingPage form(String token, String lang, boolean large, RatingLinks.LinkState state,
            Entered entered, List<String> errors) {
        boolean english = EN.equals(lang);
        Map<String, String> t = TEXTS.get(lang);
        JurisdictionPolicy policy = state.policy();
        List<Option> tags = policy.badReviewTags().stream()
                .map(tag -> new Option(tag.code(), tag.name(english), false, entered.tags().contains(tag.code())))
                .toList();
        List<Question> questions = QUESTIONS.stream()
                .map(q -> new Question(q, t.get(q), entered.answers().getOrDefault(q, "")))
                .toList();
        boolean bad = entered.level() != null && RatingLevel.isValid(entered.level())
                && RatingLevel.isBad(entered.level());
        String page = "/r/" + token;
        return new RatingPage(lang, large, page + query(lang, !large), page + query(other(lang), large), other(lang), t,
                page + query(lang, large), state.itemName(), state.institutionName(), state.windowName(), state.staffName(),
                levels(policy, english, entered.level()), tags, bad, levels(policy, english, entered.businessLevel()),
                levels(policy, english, entered.serviceLevel()), questions, entered.text(), entered.suggestions(),
                errors, null, null, null);
    }

    /** A page that only says something: thanks, used, expired, invalid, rated elsewhere. */
    public static RatingPage message(String token, String lang, boolean large, String key, boolean badReview) {
        Map<String, String> t = TEXTS.get(lang);
        String page = token == null ? "" : "/r/" + token + (key.equals("thanks") ? "/thanks" : "");
        return new RatingPage(lang, large, page + query(lang, !large), page + query(other(lang), large), other(lang), t,
                null, null, null, null, null, List.of(), List.of(), false,
                List.of(), List.of(), List.of(), null, null, List.of(), t.get(key + "Title"), t.get(key + "Body"),
                badReview ? t.get("thanksBad") : null);
    }

    /** The five levels, 5 first, with the jurisdiction's labels (R1.1); the overall, business and service scales. */
    static List<Option> levels(JurisdictionPolicy policy, boolean english, Integer chosen) {
        return IntStream.iterate(RatingLevel.MAX, l -> l >= RatingLevel.MIN, l -> l - 1)
                .mapToObj(l -> new Option(Integer.toString(l), RatingLevel.label(policy.levelLabels(), l, english),
                        RatingLevel.isBad(l), chosen != null && chosen == l))
                .toList();
    }

    static String other(String lang) {
        return EN.equals(lang) ? ZH : EN;
    }

    /** The page's texts: the {@code page.*} keys of the service's message bundle, shown as they are. */
    static Map<String, String> load(Locale locale) {
        ResourceBundle bundle = Messages.bundle("i18n/messages", locale);
        Map<String, String> texts = new HashMap<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith(PAGE)) {
                texts.put(key.substring(PAGE.length()), bundle.getString(key));
            }
        }
        return Map.copyOf(texts);
    }
}
