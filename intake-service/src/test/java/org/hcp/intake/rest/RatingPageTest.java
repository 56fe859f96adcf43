package org.hcp.intake.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hcp.events.outcome.Text;
import org.hcp.kit.text.Messages;
import org.junit.jupiter.api.Test;

class RatingPageTest {

    @Test
    void theEnglishPageHasEveryTextOfTheChinesePage() {
        assertEquals(RatingPage.TEXTS.get(RatingPage.ZH).keySet(), RatingPage.TEXTS.get(RatingPage.EN).keySet());
    }

    @Test
    void aRuleMessageIsShownInTheReadersLanguage() {
        Text message = Text.of("rating.badReviewNeedsTag");
        assertEquals("差评须至少选择一项差评指标", Messages.render(message, Messages.ZH));
        assertEquals("a bad review (level 1 or 2) needs at least one tag (R1.3)",
                Messages.render(message, Messages.EN));
        assertEquals(RatingPage.ZH, RatingPage.language(null));
        assertEquals(RatingPage.EN, RatingPage.language("EN"));
    }
}
