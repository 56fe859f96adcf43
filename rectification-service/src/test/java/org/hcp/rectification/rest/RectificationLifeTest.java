package org.hcp.rectification.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hcp.events.Channel;
import org.hcp.events.ChinaTime;
import org.hcp.events.DirectoryEntryRecorded;
import org.hcp.events.DirectoryKind;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingScope;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.events.WorkingCalendarPublished;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.appeal.RatingReinstated;
import org.hcp.events.calendar.CalendarDay;
import org.hcp.events.calendar.DayKind;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.hcp.rectification.service.OverdueScheduler;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.MovableClock;
import org.hcp.testkit.Staff;
import org.hcp.testkit.TestEvents;
import org.hcp.testkit.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R2 end to end on a real Kafka and PostgreSQL: a bad review on hcp.ratings opens its rectification, people take
 * each step over HTTP, deadlines follow the jurisdiction's policy across National Day 2025 (a moved clock), the
 * scheduler flags what is late, and every step is an event on hcp.rectifications.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "rectification"))
class RectificationLifeTest {

    private static final String JC = "220202";
    private static final String JE = "220271";
    private static final String TA = "370902";
    private static final String BUREAU_JILIN = Staff.bureau("2202");
    private static final String BUREAU_TAIAN = Staff.bureau("3709");
    /** Monday 29 September 2025, 10:00 in Beijing; Tuesday 30 September, the last working day before the holiday. */
    private static final Instant MON = Staff.beijing("2025-09-29T10:00");
    private static final Instant TUE = Staff.beijing("2025-09-30T10:00");

    @Inject
    OverdueScheduler scheduler;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    private final MovableClock clock = new MovableClock(MON, ChinaTime.ZONE);

    @BeforeEach
    void moveTheClock() {
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    /** A bad review as intake publishes it; its free text holds a phone number that must never come out again. */
    private static String badReview(String region, String institution, int level, boolean realName) {
        String ratingId = UUID.randomUUID().toString();
        RatingSubmitted rating = new RatingSubmitted(ratingId, "C-" + ratingId.substring(0, 8), null, "ITEM-1",
                institution, "W1", "S1", null, region, Channel.WINDOW_DEVICE, Channel.WINDOW_DEVICE.nationalPf(),
                level, List.of("SLOW"), "叫我 13800000000", List.of(), null, realName ? "ev_" + ratingId : null,
                RatingOrigin.EVALUATOR, 1, MON, MON, RatingScope.CASE, null, null, null, null);
        TestEvents.publish(EventEnvelope.of(rating, ratingId, region, MON, MON, null, null, "test"));
        return ratingId;
    }

    private static ValidatableResponse awaitOpened(String id, String token) {
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(token)
                .get("/api/v1/rectifications/" + id).statusCode() == 200);
        return given().auth().oauth2(token).get("/api/v1/rectifications/" + id).then().statusCode(200);
    }

    private static Response step(String token, String id, String step, String json) {
        var request = given().auth().oauth2(token).header("Accept-Language", "en");
        if (json != null) {
            request = request.contentType("application/json").body(json);
        }
        return request.post("/api/v1/rectifications/" + id + "/" + step);
    }

    private static ValidatableResponse ok(Response response) {
        return response.then().statusCode(200);
    }

    private static List<String> eventTypes(String id) {
        return TopicProbe.readAll(LocalStack.shared().kafka().bootstrapServers(), Topics.RECTIFICATIONS).stream()
                .filter(r -> id.equals(r.key()))
                .map(r -> r.value().replaceAll(".*\"type\":\"([A-Za-z]+)\".*", "$1")).toList();
    }

    @Test
    void r2_aJilinCityBadReviewIsRoutedCalledBackRectifiedFedBackVerifiedAndClosed() {
        String unit = "JL-CY-CENTRE";
        String id = badReview(JC, unit, 2, true);
        String handler = Staff.handler(unit);
        awaitOpened(id, handler)
                .body("rectification.status", equalTo("OPEN"))
                .body("rectification.institutionCode", equalTo(unit))
                .body("rectification.windowCode", equalTo("W1"))
                .body("rectification.realName", equalTo(true))
                // R2.2: 10 working days: 30 Sep, 9, 10, 11 (worked Saturday), 13-17 and 20 October.
                .body("rectification.callbackDueAt", equalTo("2025-10-20T02:00:00Z"))
                .body("callbackContact[0]", containsString("/evaluator-contact?purpose=CALLBACK"))
                .body(not(containsString("13800000000")));

        // R2.4: feedback before classification names its rule.
        step(handler, id, "assignment", "{\"responsiblePerson\":\"王科长\"}").then().statusCode(200)
                .body("status", equalTo("ASSIGNED"));
        step(handler, id, "feedback", "{\"means\":\"PHONE\"}").then().statusCode(409)
                .contentType("application/problem+json").body("title", containsString("R2.4"));
        clock.set(TUE);
        ok(step(handler, id, "callbacks", "{\"result\":\"REACHED\",\"note\":\"约定整改\"}"))
                .body("firstContactAt", equalTo("2025-09-30T02:00:00Z"));
        // R2.3: a clear case within 15 working days.
        ok(step(handler, id, "classification", "{\"classification\":\"CLEAR\",\"reason\":\"窗口告知不清\"}"))
                .body("dueAt", equalTo("2025-10-28T02:00:00Z"));
        clock.set(Staff.beijing("2025-10-09T15:00"));
        ok(step(handler, id, "resolution", "{\"resolution\":\"RECTIFIED\",\"measures\":\"修订一次性告知单\"}"));
        ok(step(handler, id, "feedback", "{\"means\":\"PHONE\",\"summary\":\"告知整改结果\"}"));
        // R2.6: the unit cannot verify its own work; the bureau does.
        step(handler, id, "verification", "{\"confirmed\":true}").then().statusCode(403);
        ok(step(BUREAU_JILIN, id, "verification", "{\"confirmed\":true,\"phoneCallback\":false}"))
                .body("status", equalTo("VERIFIED"));
        ok(step(BUREAU_JILIN, id, "closing", null)).body("status", equalTo("CLOSED"))
                .body("closedOnTime", equalTo(true));

        await().atMost(Duration.ofSeconds(20)).until(() -> eventTypes(id).size() == 8);
        assertEquals(List.of("RectificationOpened", "ResponsibleAssigned", "CallbackRecorded",
                "RectificationClassified", "RectificationResolved", "FeedbackGiven", "RectificationVerified",
                "RectificationClosed"), eventTypes(id));
        // R2.7: published with what was done, without the evaluator or the rating's text.
        String published = given().get("/api/v1/public/rectification-results?region=220202&size=500").then()
                .statusCode(200).body("items.measures", hasItem("修订一次性告知单")).extract().asString();
        assertFalse(published.contains("13800000000") || published.contains("ev_"), published);

        // R2.7 (JC Art.21): the public page names the unit as the directory does, the problem by its tag's name, what
        // was done; never the evaluator or the rating's text; and it is searched by unit and month.
        Instant registered = Instant.now();
        TestEvents.publish(Topics.DIRECTORY, EventEnvelope.of(new DirectoryEntryRecorded(DirectoryKind.INSTITUTION,
                unit, 1, "昌邑区政务服务中心", JC, null, Map.of(), true, registered),
                DirectoryEntryRecorded.key(DirectoryKind.INSTITUTION, unit), JC, registered, registered, null, null,
                "test"));
        String page = "/public/rectification-results?institution=" + unit;
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get(page).asString().contains("昌邑区政务服务中心"));
        String html = given().get(page).then().statusCode(200).contentType(containsString("text/html")).extract()
                .asString();
        assertTrue(html.contains("修订一次性告知单") && html.contains("办理时间长") && html.contains("lang=\"zh-CN\""),
                html);
        assertFalse(html.contains("13800000000") || html.contains("ev_") || html.contains("叫我")
                || html.contains(">" + unit + "<"), "no evaluator, no rating text, names not codes: " + html);
        given().get(page + "&month=2024-01").then().statusCode(200).body(containsString("没有符合条件的整改结果"));
        given().get("/public/rectification-results?institution=%3Cscript%3E").then().statusCode(422)
                .contentType(containsString("application/problem+json"));
        given().get("/public/rectification-results?month=2025-13").then().statusCode(422);
    }

    @Test
    void r2_2_aDeadlineCountedBeforeThe2027CalendarIsRedatedWhenItIsLoadedWithItsHistoryAndRebuildsEqual() {
        // Given a real-name bad review received on Wednesday 30 December 2026, while 2027 has no calendar: the
        // callback is counted on weekends alone (31 December, 1, 4-8, 11-13 January) and flagged late on the 14th.
        String unit = "JL-CY-NEWYEAR";
        Instant received = Staff.beijing("2026-12-30T10:00");
        String ratingId = UUID.randomUUID().toString();
        RatingSubmitted rating = new RatingSubmitted(ratingId, "C-" + ratingId.substring(0, 8), null, "ITEM-1", unit,
                "W1", "S1", null, JC, Channel.WINDOW_DEVICE, Channel.WINDOW_DEVICE.nationalPf(), 2, List.of("SLOW"),
                null, List.of(), null, "ev_" + ratingId, RatingOrigin.EVALUATOR, 1, received, received,
                RatingScope.CASE, null, null, null, null);
        TestEvents.publish(EventEnvelope.of(rating, ratingId, JC, received, received, null, null, "test"));
        String handler = Staff.handler(unit);
        awaitOpened(ratingId, handler).body("rectification.callbackDueAt", equalTo("2027-01-13T02:00:00Z"))
                .body("rectification.deadlinesProvisional", equalTo(true));
        scheduler.runOnce(Staff.beijing("2027-01-14T09:00"));
        given().auth().oauth2(handler).get("/api/v1/rectifications/" + ratingId).then().statusCode(200)
                .body("rectification.overdueSteps", hasItem("CALLBACK"));

        // When the operator loads 2027 on 14 January at noon (here: 1 and 4-5 January off).
        Instant loaded = Staff.beijing("2027-01-14T12:00");
        WorkingCalendarPublished year = new WorkingCalendarPublished(2027, List.of(
                new CalendarDay(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦"),
                new CalendarDay(LocalDate.of(2027, 1, 4), DayKind.HOLIDAY, "元旦"),
                new CalendarDay(LocalDate.of(2027, 1, 5), DayKind.HOLIDAY, "元旦")), "test");
        TestEvents.publish(Topics.DIRECTORY, EventEnvelope.of(year, "CALENDAR:2027", null, loaded, loaded, null, null,
                "test"));

        // Then the callback is due on 18 January, counted on the calendar, and no longer late; the history says why.
        await().atMost(Duration.ofSeconds(30)).until(() -> "2027-01-18T02:00:00Z".equals(given().auth()
                .oauth2(handler).get("/api/v1/rectifications/" + ratingId).path("rectification.callbackDueAt")));
        given().auth().oauth2(handler).get("/api/v1/rectifications/" + ratingId).then().statusCode(200)
                .body("rectification.deadlinesProvisional", equalTo(false))
                .body("rectification.overdueSteps.size()", equalTo(0))
                .body("rectification.late", equalTo(false));
        await().atMost(Duration.ofSeconds(20)).until(() -> eventTypes(ratingId).contains("RectificationRedated"));
        String redated = TopicProbe.readAll(LocalStack.shared().kafka().bootstrapServers(), Topics.RECTIFICATIONS)
                .stream().filter(r -> ratingId.equals(r.key()) && r.value().contains("RectificationRedated"))
                .findFirst().orElseThrow().value();
        assertTrue(redated.contains("\"calendarYear\":2027"), redated);
        assertEquals(List.of("RectificationOpened", "RectificationStepOverdue", "RectificationRedated"),
                eventTypes(ratingId));
        given().auth().oauth2(DevTokens.mint("admin")).post("/api/v1/admin/rebuild").then().statusCode(200)
                .body("differences", equalTo(0));
    }

    @Test
    void r2_6_aJilinEdzClearCaseIsDueAtOnceFlaggedOnAMovedClockEscalatedAndClosedOnlyAfterAnInterview() {
        String unit = "JE-CENTRE";
        String id = badReview(JE, unit, 2, true);
        String handler = Staff.handler(unit);
        clock.set(TUE);
        awaitOpened(id, handler);
        ok(step(handler, id, "assignment", "{\"responsiblePerson\":\"李主任\"}"));
        ok(step(handler, id, "callbacks", "{\"result\":\"REACHED\"}"));
        // JE: "at once" is by the end of that working day.
        ok(step(handler, id, "classification", "{\"classification\":\"CLEAR\"}"))
                .body("dueAt", equalTo("2025-09-30T16:00:00Z"));

        double flaggedBefore = metrics.get("hcp.rectification.overdue.steps").counter().count();
        assertEquals(0, scheduler.runOnce(Staff.beijing("2025-09-30T23:00")).steps(), "not yet past the deadline");
        assertEquals(1, scheduler.runOnce(Staff.beijing("2025-10-09T09:00")).steps());
        assertEquals(0, scheduler.runOnce(Staff.beijing("2025-10-09T09:05")).steps(), "flagged once");
        assertEquals(flaggedBefore + 1, metrics.get("hcp.rectification.overdue.steps").counter().count(),
                "issue 31: counted once for the operators' overdue alert");
        // Escalated: on the bureau's overdue list, not on another region's.
        given().auth().oauth2(BUREAU_JILIN).get("/api/v1/rectifications?overdue=true&size=500").then()
                .statusCode(200).body("items.rectificationId", hasItem(id));
        given().auth().oauth2(BUREAU_TAIAN).get("/api/v1/rectifications?overdue=true&size=500").then()
                .statusCode(200).body("items.rectificationId", not(hasItem(id)));

        clock.set(Staff.beijing("2025-10-09T10:00"));
        ok(step(handler, id, "resolution", "{\"resolution\":\"RECTIFIED\",\"measures\":\"当场更正\"}"))
                .body("overdueSteps", hasItem("RECTIFICATION")).body("late", equalTo(true));
        ok(step(handler, id, "feedback", "{\"means\":\"SMS\"}"));
        ok(step(BUREAU_JILIN, id, "verification", "{\"confirmed\":true}"));
        step(BUREAU_JILIN, id, "closing", null).then().statusCode(409).body("title", containsString("R2.6"));
        ok(step(BUREAU_JILIN, id, "interview", "{\"interviewee\":\"李主任\",\"note\":\"超期约谈\"}"));
        ok(step(BUREAU_JILIN, id, "closing", null)).body("status", equalTo("CLOSED"))
                .body("closedOnTime", equalTo(false));
        await().atMost(Duration.ofSeconds(20)).until(() -> eventTypes(id).contains("RectificationStepOverdue"));
    }

    @Test
    void r2_5_aTaianVeryDissatisfiedReviewIsVerifiedByPhoneWithAResurveyAndClosesOnlyAfterACallback() {
        String unit = "TA-TS-CENTRE";
        String id = badReview(TA, unit, 1, true);
        String handler = Staff.handler(unit);
        awaitOpened(id, handler).body("rectification.callbackDueAt", nullValue());
        ok(step(handler, id, "assignment", "{\"responsiblePerson\":\"赵股长\"}"));
        ok(step(handler, id, "classification", "{\"classification\":\"NO_BASIS\",\"reason\":\"无政策依据\"}"));
        step(handler, id, "resolution", "{\"resolution\":\"RECTIFIED\",\"measures\":\"x\"}").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/resolution"));
        // R2.6 (TA): verified within 5 working days: 30 Sep, 9, 10, 11 (worked Saturday), 13 October.
        ok(step(handler, id, "resolution", "{\"resolution\":\"EXPLAINED\",\"measures\":\"已解释政策\"}"))
                .body("verificationDueAt", equalTo("2025-10-13T02:00:00Z"));
        ok(step(handler, id, "feedback", "{\"means\":\"PHONE\"}"));
        step(BUREAU_TAIAN, id, "verification", "{\"confirmed\":true}").then().statusCode(422)
                .body("errors[0].code", equalTo("rectification.veryDissatisfiedResurvey"));
        ok(step(BUREAU_TAIAN, id, "verification", "{\"confirmed\":true,\"phoneCallback\":true,\"resurveyLevel\":4}"));
        step(BUREAU_TAIAN, id, "closing", null).then().statusCode(409).body("title", containsString("R2.5"));
        ok(step(handler, id, "callbacks", "{\"result\":\"REACHED\"}"));
        ok(step(handler, id, "closing", null)).body("status", equalTo("CLOSED"));
    }

    @Test
    void r2_3_aComplexCaseGetsALedgerDeadlineOfAtMostSixMonths() {
        String unit = "JL-CY-CENTRE";
        String id = badReview(JC, unit, 2, false);
        String handler = Staff.handler(unit);
        awaitOpened(id, handler).body("rectification.realName", equalTo(false))
                .body("callbackContact.size()", equalTo(0));
        ok(step(handler, id, "assignment", "{\"responsiblePerson\":\"王科长\"}"));
        step(handler, id, "callbacks", "{\"result\":\"REACHED\"}").then().statusCode(409)
                .body("title", containsString("R2.2"));
        step(handler, id, "classification", "{\"classification\":\"COMPLEX\",\"dueAt\":\"2026-04-01T00:00:00Z\"}")
                .then().statusCode(422).body("errors[0].code", equalTo("rectification.ledgerDueCap"));
        ok(step(handler, id, "classification", "{\"classification\":\"COMPLEX\",\"dueAt\":\"2026-03-01T00:00:00Z\"}"))
                .body("dueAt", equalTo("2026-03-01T00:00:00Z")).body("status", equalTo("CLASSIFIED"));
        step(handler, id, "classification", "{\"classification\":\"SOMETHING\"}").then().statusCode(400);
    }

    @Test
    void r3_4_aNotAdoptedDecisionReadBeforeItsRatingOpensTheRectificationWithdrawnAndAReinstatementResumesIt() {
        String ratingId = UUID.randomUUID().toString();
        TestEvents.publish(Topics.APPEALS, EventEnvelope.of(new RatingNotAdopted(ratingId, "C-x", "D-1", false,
                "评价人误评", "bureau-2202", MON), ratingId, JC, MON, MON, null, null, "test"));
        String unit = "JL-CY-CENTRE";
        RatingSubmitted rating = new RatingSubmitted(ratingId, "C-" + ratingId.substring(0, 8), null, "ITEM-1", unit,
                null, null, null, JC, Channel.WEBSITE, Channel.WEBSITE.nationalPf(), 2, List.of("SLOW"), null,
                List.of(), null, null, RatingOrigin.EVALUATOR, 1, MON, MON, RatingScope.CASE, null, null, null, null);
        // The appeal decision is on its partition first; the rating may be read before or after it.
        await().atMost(Duration.ofSeconds(20)).until(() -> TopicProbe.readAll(
                LocalStack.shared().kafka().bootstrapServers(), Topics.APPEALS).stream()
                .anyMatch(r -> ratingId.equals(r.key())));
        TestEvents.publish(EventEnvelope.of(rating, ratingId, JC, MON, MON, null, null, "test"));
        String handler = Staff.handler(unit);
        await().atMost(Duration.ofSeconds(20)).until(() -> "WITHDRAWN".equals(given().auth().oauth2(handler)
                .get("/api/v1/rectifications/" + ratingId).then().extract().path("rectification.status")));
        step(handler, ratingId, "assignment", "{\"responsiblePerson\":\"王科长\"}").then().statusCode(409)
                .body("title", containsString("R3.4"));

        // R3.5: reinstated on review; the rectification goes on where it stood.
        TestEvents.publish(Topics.APPEALS, EventEnvelope.of(new RatingReinstated(ratingId, "C-x", "D-2", "复核", "bureau-2202",
                TUE), ratingId, JC, TUE, TUE, null, null, "test"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "OPEN".equals(given().auth().oauth2(handler)
                .get("/api/v1/rectifications/" + ratingId).then().extract().path("rectification.status")));
        ok(step(handler, ratingId, "assignment", "{\"responsiblePerson\":\"王科长\"}"));
    }

    @Test
    void r6_1_anotherUnitOrRegionSeesNothingOfItAndTheLedgerSummarisesAndExportsTheirOwn() {
        String unit = "JL-CY-CENTRE";
        String id = badReview(JC, unit, 2, true);
        awaitOpened(id, Staff.handler(unit));
        String stranger = Staff.handler("TA-TS-CENTRE");
        given().auth().oauth2(stranger).get("/api/v1/rectifications/" + id).then().statusCode(404);
        step(stranger, id, "assignment", "{\"responsiblePerson\":\"x\"}").then().statusCode(404);
        given().auth().oauth2(BUREAU_TAIAN).get("/api/v1/rectifications/" + id).then().statusCode(404);
        step(BUREAU_TAIAN, id, "verification", "{\"confirmed\":true}").then().statusCode(404);
        given().auth().oauth2(stranger).get("/api/v1/rectifications?size=500").then().statusCode(200)
                .body("items.rectificationId", not(hasItem(id)));
        given().auth().oauth2(Staff.handler(unit)).get("/api/v1/rectifications?status=OPEN&size=500").then()
                .statusCode(200).body("items.rectificationId", hasItem(id));

        List<Integer> open = given().auth().oauth2(BUREAU_JILIN).get("/api/v1/rectifications/summary").then()
                .statusCode(200).extract().path("findAll { it.institutionCode == 'JL-CY-CENTRE' }.open");
        assertTrue(open.get(0) >= 1, "the open rectification is counted: " + open);
        String csv = given().auth().oauth2(BUREAU_JILIN).get("/api/v1/rectifications/export?status=OPEN").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith("\uFEFF整改编号,") && csv.contains(id), csv.lines().findFirst().orElse(""));
        assertFalse(csv.contains("13800000000"));
        given().auth().oauth2(BUREAU_JILIN).get("/api/v1/rectifications?status=LOST").then().statusCode(422)
                .body("errors[0].pointer", equalTo("?status"));
    }
}
