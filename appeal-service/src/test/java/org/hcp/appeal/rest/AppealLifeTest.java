package org.hcp.appeal.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hcp.appeal.service.AppealOverdueScheduler;
import org.hcp.events.Channel;
import org.hcp.events.ChinaTime;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingScope;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.events.rectification.RectificationOpened;
import org.hcp.events.rectification.RectificationWithdrawn;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.MovableClock;
import org.hcp.testkit.Staff;
import org.hcp.testkit.TestEvents;
import org.hcp.testkit.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R3 on a real Kafka and PostgreSQL (R6.2: the rated party may explain and appeal): a bad review on hcp.ratings can
 * be appealed by its unit, with its grounds, within the policy's window (JE 2 and TA 3 working days across National
 * Day 2025, a moved clock), the bureau verifies and decides, an upheld appeal publishes RatingNotAdopted, and an
 * undecided one goes overdue.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "appeal"))
class AppealLifeTest {

    private static final String JE = "220271";
    private static final String TA = "370902";
    private static final String BUREAU_JILIN = Staff.bureau("2202");
    private static final String BUREAU_TAIAN = Staff.bureau("3709");
    /** Monday 29 September 2025, 10:00 in Beijing: the unit receives the bad review. */
    private static final Instant MON = Staff.beijing("2025-09-29T10:00");

    @Inject
    AppealOverdueScheduler scheduler;

    private final MovableClock clock = new MovableClock(MON, ChinaTime.ZONE);

    @BeforeEach
    void moveTheClock() {
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    /** A bad review as intake publishes it, recorded (received by the unit) on Monday 29 September. */
    private static String badReview(String region, String institution) {
        return badReview(region, institution, null, null);
    }

    /** The same, through a platform (the department that registered it) and by a known evaluator's pseudonym. */
    private static String badReview(String region, String institution, String platform, String pseudonym) {
        String ratingId = UUID.randomUUID().toString();
        RatingSubmitted rating = new RatingSubmitted(ratingId, "C-" + ratingId.substring(0, 8), null, "ITEM-1",
                institution, "W1", "S1", platform, region, Channel.WINDOW_DEVICE, Channel.WINDOW_DEVICE.nationalPf(),
                2, List.of("SLOW"), null, List.of(), null, pseudonym, RatingOrigin.EVALUATOR, 1, MON, MON,
                RatingScope.CASE, null, null, null, null);
        TestEvents.publish(EventEnvelope.of(rating, ratingId, region, MON, MON, null, null, "test"));
        return ratingId;
    }

    private static Response file(String token, String ratingId) {
        return given().auth().oauth2(token).header("Accept-Language", "en").contentType("application/json")
                .body("{\"ratingId\":\"%s\",\"appellant\":\"STAFF\",\"grounds\":\"评价人误触评价器\"}".formatted(ratingId))
                .post("/api/v1/appeals");
    }

    /** Files once the rating has reached this service (404 until then). */
    private static Response fileWhenKnown(String token, String ratingId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(token).get("/api/v1/appeals/"
                + ratingId).statusCode() == 200 || file(token, ratingId).statusCode() != 404);
        return given().auth().oauth2(token).get("/api/v1/appeals/" + ratingId);
    }

    private static Response step(String token, String ratingId, String step, String json) {
        return given().auth().oauth2(token).header("Accept-Language", "en").contentType("application/json")
                .body(json).post("/api/v1/appeals/" + ratingId + "/" + step);
    }

    private static List<String> eventTypes(String ratingId) {
        return TopicProbe.readAll(LocalStack.shared().kafka().bootstrapServers(), Topics.APPEALS).stream()
                .filter(r -> ratingId.equals(r.key()))
                .map(r -> r.value().replaceAll(".*\"type\":\"([A-Za-z]+)\".*", "$1")).toList();
    }

    @Test
    void r3_jilinEdzAppealsInTimeTheBureauVerifiesAndUpholdsAndTheRatingIsNotAdopted() {
        String unit = "JL-EDZ-CENTRE";
        String ratingId = badReview(JE, unit);
        clock.set(Staff.beijing("2025-09-30T10:00"));
        fileWhenKnown(Staff.handler(unit), ratingId).then().statusCode(200)
                // R3.2: received 29 September: 30 September, then 9 October.
                .body("appeal.windowDueAt", equalTo("2025-10-09T02:00:00Z"));
        // the workbench shows the same window before and after filing (R3.1, R3.2)
        given().auth().oauth2(Staff.handler(unit)).get("/api/v1/appeals/appealable-ratings/" + ratingId).then()
                .statusCode(200).body("windowDueAt", equalTo("2025-10-09T02:00:00Z"))
                .body("windowOpen", equalTo(true)).body("level", equalTo(2));
        given().auth().oauth2(Staff.handler("JL-CY-CENTRE")).get("/api/v1/appeals/appealable-ratings/" + ratingId)
                .then().statusCode(404);
        given().auth().oauth2(Staff.handler(unit)).get("/api/v1/appeals/" + ratingId).then().statusCode(200)
                .body("appeal.windowDueAt", equalTo("2025-10-09T02:00:00Z"))
                // filed 30 September: 9, 10, 11 (worked Saturday), 13 and 14 October.
                .body("appeal.decisionDueAt", equalTo("2025-10-14T02:00:00Z"))
                .body("appeal.status", equalTo("OPEN"));
        file(Staff.handler(unit), ratingId).then().statusCode(409).body("title", containsString("open appeal"));
        step(BUREAU_JILIN, ratingId, "decision", "{\"outcome\":\"UPHELD\",\"reason\":\"误评\"}").then()
                .statusCode(409).body("title", containsString("R3.3"));
        step(BUREAU_JILIN, ratingId, "verifications", "{\"method\":\"FILE_REVIEW\",\"finding\":\"调阅监控\"}")
                .then().statusCode(200).body("verifications", equalTo(1));
        step(BUREAU_JILIN, ratingId, "decision", "{\"outcome\":\"UPHELD\",\"malicious\":false,\"reason\":\"误评\"}")
                .then().statusCode(200).body("status", equalTo("UPHELD")).body("notAdopted", equalTo(true));
        await().atMost(Duration.ofSeconds(20)).until(() -> eventTypes(ratingId).size() == 4);
        assertEquals(List.of("AppealFiled", "AppealVerified", "AppealDecided", "RatingNotAdopted"),
                eventTypes(ratingId));
        // rectification-service opened the rating's rectification on Monday and withdraws it on the decision.
        String rectificationId = ratingId + "-R";
        TestEvents.publish(Topics.RECTIFICATIONS, EventEnvelope.of(new RectificationOpened(rectificationId,
                List.of(ratingId), List.of("C-1"), 2, List.of("SLOW"), Channel.WINDOW_DEVICE, "ITEM-1", unit, "W1",
                "S1", JE, false, MON, MON, null, false), rectificationId, JE, MON, MON, null, null, "test"));
        Instant withdrawn = Staff.beijing("2025-09-30T10:00:01");
        TestEvents.publish(Topics.RECTIFICATIONS, EventEnvelope.of(new RectificationWithdrawn(rectificationId,
                ratingId, "d-1", withdrawn), rectificationId, JE, withdrawn, withdrawn, null, null, "test"));
        // The case file: the rating without its evaluator, the rectification where it stands, the notice, and one
        // timeline in time order.
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(BUREAU_JILIN)
                .get("/api/v1/appeals/" + ratingId).then().extract().path("rectification.steps") != null);
        given().auth().oauth2(BUREAU_JILIN).get("/api/v1/appeals/" + ratingId).then().statusCode(200)
                .body("rating.level", equalTo(2))
                .body("rectification.lastStep", equalTo("RectificationWithdrawn"))
                .body("rectification.steps", equalTo(2))
                .body("notices.decision", equalTo(List.of("UPHELD")))
                .body("timeline.type", equalTo(List.of("RectificationOpened", "AppealFiled", "AppealVerified",
                        "AppealDecided", "RatingNotAdopted", "RectificationWithdrawn")))
                .body("timeline.source[0]", equalTo("rectification"));
    }

    @Test
    void r3_4_aMaliciousTaianRatingNotifiesBothUnitsAndIsCreditRecordedUntilAReviewReinstatesIt() {
        String unit = "TA-TS-CENTRE";
        String pseudonym = "p-" + UUID.randomUUID();
        String ratingId = badReview(TA, unit, "TA-BIZ", pseudonym);
        fileWhenKnown(Staff.handler(unit), ratingId).then().statusCode(200);
        step(BUREAU_TAIAN, ratingId, "verifications", "{\"method\":\"SITE_VISIT\",\"finding\":\"监控显示无此情形\"}")
                .then().statusCode(200);
        step(BUREAU_TAIAN, ratingId, "decision", "{\"outcome\":\"UPHELD\",\"malicious\":true,\"reason\":\"恶意差评\"}")
                .then().statusCode(200).body("status", equalTo("UPHELD"));

        // R3.4: the appellant and the platform that registered the rating each read a notice of the decision.
        for (String addressee : List.of(unit, "TA-BIZ")) {
            given().auth().oauth2(Staff.handler(addressee)).get("/api/v1/appeal-notices?limit=500").then().statusCode(200)
                    .body("items.find { it.ratingId == '%s' }.decision".formatted(ratingId), equalTo("UPHELD"))
                    .body("items.find { it.ratingId == '%s' }.malicious".formatted(ratingId), equalTo(true));
        }
        given().auth().oauth2(Staff.handler("TA-DY-CENTRE")).get("/api/v1/appeal-notices?limit=500").then()
                .body("items.ratingId", not(hasItem(ratingId)));
        // TA: the evaluator's credit record holds the pseudonym and the decision.
        given().auth().oauth2(BUREAU_TAIAN).get("/api/v1/credit-records?size=500").then().statusCode(200)
                .body("items.find { it.ratingId == '%s' }.evaluatorPseudonym".formatted(ratingId),
                        equalTo(pseudonym))
                .body("items.find { it.ratingId == '%s' }.withdrawnAt".formatted(ratingId), nullValue());

        step(BUREAU_TAIAN, ratingId, "reinstatement", "{\"reason\":\"复核：评价人提供了新证据\"}").then()
                .statusCode(200);
        given().auth().oauth2(BUREAU_TAIAN).get("/api/v1/credit-records?size=500").then()
                .body("items.find { it.ratingId == '%s' }.withdrawnAt".formatted(ratingId), notNullValue());
        given().auth().oauth2(Staff.handler(unit)).get("/api/v1/appeal-notices?limit=500").then()
                .body("items.findAll { it.ratingId == '%s' }.decision".formatted(ratingId),
                        equalTo(List.of("UPHELD", "REINSTATED")));
    }

    @Test
    void r3_4_jilinEdzKeepsNoCreditRecordOfAMaliciousRating() {
        String unit = "JL-EDZ-CENTRE";
        String ratingId = badReview(JE, unit, null, "p-" + UUID.randomUUID());
        clock.set(Staff.beijing("2025-09-30T10:00"));
        fileWhenKnown(Staff.handler(unit), ratingId).then().statusCode(200);
        step(BUREAU_JILIN, ratingId, "verifications", "{\"method\":\"FILE_REVIEW\",\"finding\":\"x\"}").then()
                .statusCode(200);
        step(BUREAU_JILIN, ratingId, "decision", "{\"outcome\":\"UPHELD\",\"malicious\":true,\"reason\":\"恶意\"}")
                .then().statusCode(200);
        given().auth().oauth2(BUREAU_JILIN).get("/api/v1/credit-records?size=500").then().statusCode(200)
                .body("items.ratingId", not(hasItem(ratingId)));
        // One notice: the institution appealed and, with no platform named, registered the rating too.
        given().auth().oauth2(Staff.handler(unit)).get("/api/v1/appeal-notices?limit=500").then()
                .body("items.find { it.ratingId == '%s' }.recipients".formatted(ratingId),
                        equalTo(List.of("APPELLANT", "REGISTERING_DEPARTMENT")));
    }

    @Test
    void r3_2_jilinEdzRefusesAnAppealAfterTwoWorkingDaysAndFlagsAnUndecidedOneAfterFive() {
        String unit = "JL-EDZ-CENTRE";
        String late = badReview(JE, unit);
        clock.set(Staff.beijing("2025-10-09T10:01"));
        await().atMost(Duration.ofSeconds(20)).until(() -> file(Staff.handler(unit), late).statusCode() != 404);
        file(Staff.handler(unit), late).then().statusCode(409).contentType("application/problem+json")
                // in the reader's words: the term and the deadline in Beijing time (issue 28), not 2 WORKING_DAYS
                // and an instant in UTC
                .body("title", containsString("2 working days")).body("title", containsString("2025-10-09 10:00"));

        String undecided = badReview(JE, unit);
        clock.set(Staff.beijing("2025-09-30T10:00"));
        fileWhenKnown(Staff.handler(unit), undecided).then().statusCode(200)
                .body("appeal.decisionDueAt", equalTo("2025-10-14T02:00:00Z"));
        scheduler.runOnce(Staff.beijing("2025-10-14T10:00"));
        given().auth().oauth2(BUREAU_JILIN).get("/api/v1/appeals?overdue=true&size=500").then().statusCode(200)
                .body("items.ratingId", not(hasItem(undecided)));
        scheduler.runOnce(Staff.beijing("2025-10-14T10:01"));
        given().auth().oauth2(BUREAU_JILIN).get("/api/v1/appeals?overdue=true&size=500").then().statusCode(200)
                .body("items.ratingId", hasItem(undecided));
    }

    @Test
    void r3_2_aTaianAppealAfterThreeWorkingDaysIsRefusedWithTheDeadlineItMissed() {
        String unit = "TA-TS-CENTRE";
        String ratingId = badReview(TA, unit);
        clock.set(Staff.beijing("2025-10-10T10:01"));
        await().atMost(Duration.ofSeconds(20)).until(() -> file(Staff.handler(unit), ratingId).statusCode() != 404);
        file(Staff.handler(unit), ratingId).then().statusCode(409).contentType("application/problem+json")
                .body("title", containsString("2025-10-10 10:00 Beijing time"));
    }

    @Test
    void r3_2_anUndecidedTaianAppealGoesOverdueOnAMovedClockAndARejectedOneLeavesTheRatingStanding() {
        String unit = "TA-TS-CENTRE";
        String ratingId = badReview(TA, unit);
        fileWhenKnown(Staff.handler(unit), ratingId).then().statusCode(200)
                .body("appeal.decisionDueAt", equalTo("2025-10-10T02:00:00Z"));
        assertEquals(0, scheduler.runOnce(Staff.beijing("2025-10-10T10:00")));
        assertEquals(1, scheduler.runOnce(Staff.beijing("2025-10-10T10:01")));
        assertEquals(0, scheduler.runOnce(Staff.beijing("2025-10-10T11:00")), "flagged once");
        given().auth().oauth2(BUREAU_TAIAN).get("/api/v1/appeals?overdue=true&size=500").then().statusCode(200)
                .body("items.ratingId", hasItem(ratingId));
        step(BUREAU_TAIAN, ratingId, "verifications", "{\"method\":\"PHONE_CALLBACK\",\"finding\":\"评价属实\"}")
                .then().statusCode(200);
        step(BUREAU_TAIAN, ratingId, "decision", "{\"outcome\":\"REJECTED\",\"reason\":\"评价属实\"}").then()
                .statusCode(200).body("status", equalTo("REJECTED")).body("notAdopted", equalTo(false));
        await().atMost(Duration.ofSeconds(20)).until(() -> eventTypes(ratingId).contains("AppealDecided"));
        assertEquals(false, eventTypes(ratingId).contains("RatingNotAdopted"));
    }

    @Test
    void r3_1_evidenceIsStoredWithItsHashDownloadableInScopeAndRefusedWhenItIsNotWhatItClaims() {
        String unit = "JL-EDZ-CENTRE";
        String ratingId = badReview(JE, unit);
        clock.set(Staff.beijing("2025-09-30T10:00"));
        fileWhenKnown(Staff.handler(unit), ratingId).then().statusCode(200);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        given().auth().oauth2(Staff.handler(unit)).contentType("application/octet-stream").body(png)
                .post("/api/v1/appeals/" + ratingId + "/attachments?fileName=监控截图.png").then().statusCode(200)
                .body("evidence", equalTo(1));
        given().auth().oauth2(Staff.handler(unit)).contentType("application/pdf").body("MZ not a pdf".getBytes())
                .post("/api/v1/appeals/" + ratingId + "/attachments?fileName=证明.pdf").then().statusCode(422)
                .body("errors[0].code", equalTo("appeal.evidenceType"));
        String attachmentId = given().auth().oauth2(BUREAU_JILIN).get("/api/v1/appeals/" + ratingId).then()
                .statusCode(200).extract().path("timeline.find { it.type == 'AppealEvidenceAdded' }.payload.attachmentId");
        String path = "/api/v1/appeals/" + ratingId + "/attachments/" + attachmentId;
        byte[] back = given().auth().oauth2(BUREAU_JILIN).get(path).then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertEquals(java.util.Arrays.toString(png), java.util.Arrays.toString(back));
        given().auth().oauth2(BUREAU_TAIAN).get(path).then().statusCode(404);
        given().auth().oauth2(Staff.handler("TA-TS-CENTRE")).get(path).then().statusCode(404);
        await().atMost(Duration.ofSeconds(20)).until(() -> TopicProbe.readAll(
                LocalStack.shared().kafka().bootstrapServers(), Topics.APPEALS).stream()
                .anyMatch(r -> ratingId.equals(r.key()) && r.value().contains("\"sha256\"")
                        && !r.value().contains("content")));
    }

    @Test
    void r6_1_anotherUnitOrRegionSeesNothingOfAnAppeal() {
        String unit = "JL-EDZ-CENTRE";
        String ratingId = badReview(JE, unit);
        clock.set(Staff.beijing("2025-09-30T10:00"));
        fileWhenKnown(Staff.handler(unit), ratingId).then().statusCode(200);
        file(Staff.handler("TA-TS-CENTRE"), ratingId).then().statusCode(404);
        given().auth().oauth2(BUREAU_TAIAN).get("/api/v1/appeals/" + ratingId).then().statusCode(404);
        step(BUREAU_TAIAN, ratingId, "verifications", "{\"method\":\"SITE_VISIT\",\"finding\":\"x\"}").then()
                .statusCode(404);
        // The queue's filters are checked like every list's: a bad region or page is a problem naming it.
        given().auth().oauth2(BUREAU_JILIN).get("/api/v1/appeals?region=x").then().statusCode(422)
                .body("errors[0].pointer", equalTo("?region"));
        given().auth().oauth2(BUREAU_JILIN).get("/api/v1/appeals?size=501").then().statusCode(422)
                .body("errors[0].pointer", equalTo("?size"));
    }
}
