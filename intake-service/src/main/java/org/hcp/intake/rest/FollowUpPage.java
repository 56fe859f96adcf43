package org.hcp.intake.rest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hcp.events.ChinaTime;
import org.hcp.events.RatingLevel;
import org.hcp.events.policy.Term;
import org.hcp.intake.domain.FollowUpTimeline;
import org.hcp.intake.service.FollowUps;
import org.hcp.intake.service.RatingLinks;
import org.hcp.kit.text.Messages;

/**
 * What the evaluator's follow-up page shows behind a used rating link (R2.4): the case by its names, the rating given,
 * and for a bad review each step of its rectification in words, with Beijing dates and the policy's terms. No staff
 * name, contact or note: only what the unit wrote for the evaluator (the measures and the feedback).
 */
public record FollowUpPage(
        String lang,
        boolean large,
        String sizeHref,
        String otherLangHref,
        String otherLang,
        Map<String, String> t,
        String itemName,
        String institutionName,
        String windowName,
        String levelLabel,
        String ratedAt,
        boolean bad,
        boolean justRated,
        boolean notAdopted,
        List<Line> lines,
        String followUp,
        String followUpText,
        List<RatingPage.Option> followUpLevels,
        String followUpAction,
        List<String> errors) {

    /** One step: done (with its date) or the next one owed (with its deadline and the term the policy allows). */
    public record Line(String title, boolean done, String when, String detailLabel, String detail, String due,
            String term) {
    }

    public static FollowUpPage of(String token, String lang, boolean large, RatingLinks.LinkState state,
            FollowUps.FollowUp followUp, boolean justRated) {
        return of(token, lang, large, state, followUp, justRated, null, List.of());
    }

    /**
     * @param chosen the follow-up level entered, kept when the page is shown again with {@code errors}
     */
    public static FollowUpPage of(String token, String lang, boolean large, RatingLinks.LinkState state,
            FollowUps.FollowUp followUp, boolean justRated, Integer chosen, List<String> errors) {
        boolean english = RatingPage.EN.equals(lang);
        Map<String, String> t = RatingPage.TEXTS.get(lang);
        Locale locale = english ? Messages.EN : Messages.ZH;
        String page = "/r/" + token;
        List<Line> lines = followUp.timeline().stream().map(e -> line(e, t, locale, state.institutionName())).toList();
        return new FollowUpPage(lang, large, page + RatingPage.query(lang, !large),
                page + RatingPage.query(RatingPage.other(lang), large), RatingPage.other(lang), t, state.itemName(),
                state.institutionName(), state.windowName(),
                RatingLevel.label(state.policy().levelLabels(), followUp.level(), english),
                ChinaTime.MINUTES.format(followUp.ratedAt()), followUp.bad(), justRated, followUp.notAdopted(), lines,
                followUp.window() == null ? null : followUp.window().status().name(),
                followUpText(followUp, state, english, locale),
                RatingPage.levels(state.policy(), english, chosen), page + "/follow-up"
                        + RatingPage.query(lang, large), errors);
    }

    /** 追评 in words: how long it stays open, the level given, or why it is closed. */
    private static String followUpText(FollowUps.FollowUp followUp, RatingLinks.LinkState state, boolean english,
            Locale locale) {
        if (followUp.window() == null) {
            return null;
        }
        return switch (followUp.window().status()) {
            case OPEN -> Messages.render("page.followUpOpen", locale, followUp.window().closesAt());
            case RATED -> Messages.render("page.followUpRated", locale,
                    RatingLevel.label(state.policy().levelLabels(), followUp.followUpLevel(), english));
            case ENDED -> Messages.render("page.followUpEnded", locale, followUp.window().closesAt());
            case NOT_YET -> Messages.render("page.followUpNotYet", locale);
            default -> null;
        };
    }

    private static Line line(FollowUpTimeline.Entry e, Map<String, String> t, Locale locale, String institution) {
        // A step's outcome has words of its own where it changes the meaning (not reached, not confirmed, explained).
        String outcomeKey = "step." + e.step() + "." + e.outcome();
        String key = !e.done() ? "next." + e.step() : t.containsKey(outcomeKey) ? outcomeKey : "step." + e.step();
        String title = Messages.render("page." + key, locale, institution == null ? "" : institution);
        String detailLabel = e.detail() == null ? null : t.get("detail." + e.step());
        String when = e.at() == null ? null : ChinaTime.MINUTES.format(e.at());
        return new Line(title, e.done(), when, detailLabel, e.detail(),
                e.dueAt() == null ? null : Messages.render("page.dueBy", locale, e.dueAt()), term(e.term(), locale));
    }

    private static String term(Term term, Locale locale) {
        if (term == null) {
            return null;
        }
        return term.amount() == 0 ? Messages.render("page.termImmediately", locale)
                : Messages.render("page.termAllowed", locale, term);
    }
}
