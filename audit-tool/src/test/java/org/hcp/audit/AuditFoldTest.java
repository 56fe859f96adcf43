package org.hcp.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.hcp.audit.AuditFold.Query;
import org.junit.jupiter.api.Test;

/** R5.3, given-when-then over the golden events: what counted when, and the events behind each figure. */
class AuditFoldTest {

    private static final Query JILIN = new Query("22", null, null, null, null, null, null, 0);

    private static AuditFold fold(Instant asOf) throws IOException {
        AuditFold fold = new AuditFold(asOf);
        // The golden events of the contract (common-events), folded as the auditor would read them.
        String[] events = {"CaseCompleted", "RatingSubmitted", "RectificationOpened", "AppealFiled"};
        for (int i = 0; i < events.length; i++) {
            fold.accept("topic-of-" + events[i], 0, i, Files.readString(
                    Path.of("../common-events/src/test/resources/golden/" + events[i] + ".v1.json")));
        }
        return fold;
    }

    @Test
    void theEventsBehindEachKindOfFigureAreNamedByTheirPlaceInTheLog() throws IOException {
        AuditFold.Contributors behind = fold(null).contributors(JILIN);

        assertEquals(List.of("topic-of-RatingSubmitted/0/1 01933a7e-8c4b-7d2a-9f10-3b5c2d1e4f60"), behind.counted());
        assertEquals(1, behind.cases().size());
        assertTrue(behind.cases().get(0).startsWith("topic-of-CaseCompleted/0/0 "), behind.toString());
        assertTrue(behind.rectifications().get(0).startsWith("topic-of-RectificationOpened/0/2 "), behind.toString());
        assertTrue(behind.appeals().get(0).startsWith("topic-of-AppealFiled/0/3 "), behind.toString());
        assertEquals(List.of(), behind.notAdopted());
    }

    @Test
    void whatWasRecordedAfterAnInstantIsNamedAsTheCauseOfAChange() throws IOException {
        // Given a bulletin of Jilin published at the end of 2024: the rectification and the appeal came later
        List<String> causes = fold(null).changesAfter(JILIN, Instant.parse("2024-12-31T16:00:00Z"));

        assertEquals(2, causes.size(), causes.toString());
        assertTrue(causes.get(0).startsWith("topic-of-AppealFiled/0/3 ") && causes.get(0).endsWith(" AppealFiled"));
        assertTrue(causes.get(1).startsWith("topic-of-RectificationOpened/0/2 ")
                && causes.get(1).endsWith(" RectificationOpened"), causes.toString());
    }

    @Test
    void asOfAnInstantOnlyWhatWasRecordedByThenCounts() throws IOException {
        // Given the case and its rating recorded on 2024-11-01, the rectification and appeal in 2025-09
        AuditFold november = fold(Instant.parse("2024-11-30T16:00:00Z"));

        assertEquals(1L, november.figures(JILIN).get("").get("ratings"));
        assertEquals(1L, november.figures(JILIN).get("").get("completedCases"));
        assertEquals(0L, november.figures(JILIN).get("").get("rectifications"));
        assertEquals(0L, november.figures(JILIN).get("").get("appealsFiled"));
        assertEquals(1L, fold(null).figures(JILIN).get("").get("appealsFiled"));
        assertTrue(fold(Instant.parse("2024-11-01T02:12:00Z")).figures(JILIN).get("").get("ratings")
                .equals(0L), "the rating was recorded at 02:15");
    }
}
