package org.hcp.intake.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hcp.kit.rest.Problem;
import org.junit.jupiter.api.Test;

class RatingPageTest {

    @Test
    void theEnglishPageHasEveryTextOfTheChinesePage() {
        assertEquals(RatingPage.TEXTS.get(RatingPage.ZH).keySet(), RatingPage.TEXTS.get(RatingPage.EN).keySet());
    }

    @Test
    void aRuleMessageIsShownInTheReadersLanguage() {
        String message = "差评须至少选择一项差评指标 / a bad review (level 1 or 2) needs at least one tag (R1.3)";
        assertEquals("差评须至少选择一项差评指标", Problem.inLanguage(message, false));
        assertEquals("a bad review (level 1 or 2) needs at least one tag (R1.3)",
                Problem.inLanguage(message, true));
        assertEquals(RatingPage.ZH, RatingPage.language(null));
        assertEquals(RatingPage.EN, RatingPage.language("EN"));
    }
}
