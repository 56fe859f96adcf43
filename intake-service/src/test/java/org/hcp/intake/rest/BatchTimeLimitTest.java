package org.hcp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hcp.intake.rest.IntakeFixtures.CHANNEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hcp.testkit.LocalStackTestResource;
import org.junit.jupiter.api.Test;

/**
 * A batch is bounded in time: items it does not reach within hcp.batch.max-duration are answered "skipped" (503,
 * nothing recorded), so a request never writes on for long after its client gave up, and the answer says exactly
 * which items were recorded. A batch is recorded in chunks of 100, one transaction each; the first chunk always
 * runs, so with a limit of zero the first 100 items are recorded and the other 50 skipped.
 */
@QuarkusTest
@TestProfile(BatchTimeLimitTest.ShortBatches.class)
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class BatchTimeLimitTest {

    public static class ShortBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hcp.batch.max-duration", "PT0S");
        }
    }

    @Test
    void itemsBeyondTheTimeLimitAreSkippedAndTheAnswerSaysExactlyWhatWasRecorded() throws Exception {
        IntakeFixtures.demoDirectory();
        List<String> caseNumbers = new ArrayList<>();
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            String caseNumber = IntakeFixtures.newCaseNumber();
            IntakeFixtures.reportCase(IntakeFixtures.instantCase(caseNumber, Instant.now().minusSeconds(60)))
                    .then().statusCode(202);
            caseNumbers.add(caseNumber);
            items.append(i == 0 ? "" : ",").append("{\"caseNumber\":\"").append(caseNumber)
                    .append("\",\"channel\":\"WEBSITE\",\"level\":5}");
        }
        JsonPath answer = given().auth().oauth2(CHANNEL).contentType("application/json")
                .body("{\"ratings\":[" + items + "]}").post("/api/v1/ratings/batch")
                .then().statusCode(200).extract().jsonPath();

        int accepted = answer.getInt("accepted");
        int skipped = answer.getInt("skipped");
        assertEquals(150, accepted + skipped, "every item is either recorded or skipped, none rejected");
        assertTrue(skipped > 0, "the chunks after the first begin after a limit of zero");
        assertTrue(accepted > 0, "the first chunk always runs");
        for (int i = 0; i < 150; i++) {
            String outcome = answer.getString("results[" + i + "].outcome");
            long stored = IntakeTestSupport.ratingRows(caseNumbers.get(i));
            if (outcome.equals("accepted")) {
                assertEquals(1, stored, "item " + i + " is answered accepted and is recorded");
            } else {
                assertEquals("skipped", outcome);
                assertEquals(503, answer.getInt("results[" + i + "].status"));
                assertTrue(answer.getString("results[" + i + "].problem.type").endsWith("batch-time-limit"));
                assertEquals(0, stored, "item " + i + " is answered skipped and nothing of it is recorded");
            }
        }
    }
}
