package org.hcp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hcp.intake.rest.IntakeFixtures.ADMIN;
import static org.hcp.intake.rest.IntakeFixtures.CHANNEL;
import static org.hcp.intake.rest.IntakeFixtures.caseJson;
import static org.hcp.intake.rest.IntakeFixtures.demoDirectory;
import static org.hcp.intake.rest.IntakeFixtures.instantCase;
import static org.hcp.intake.rest.IntakeFixtures.newCaseNumber;
import static org.hcp.intake.rest.IntakeFixtures.reportCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hcp.events.CaseCompleted;
import org.hcp.events.ChinaTime;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.appeal.RatingReinstated;
import org.hcp.intake.service.DefaultRatingScheduler;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.MovableClock;
import org.hcp.testkit.TestEvents;
import org.hcp.testkit.TopicProbe;
import org.junit.jupiter.api.Test;

/** Directory, cases, concurrency, default ratings and contact access, against real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class CaseAndDirectoryResourceTest {

    @Inject
    DefaultRatingScheduler scheduler;

    static List<ConsumerRecord<String, String>> events(String topic, String key) {
        return TopicProbe.readAll(LocalStack.shared().kafka().bootstrapServers(), topic).stream()
                .filter(r -> key.equals(r.key())).toList();
    }

    static Response rate(String json) {
        return given().auth().oauth2(CHANNEL).contentType("application/json").body(json).post("/api/v1/ratings");
    }

    @Test
    void r1_11_theDirectoryIsImportedAllOrNothingAndEveryVersionIsKeptAndPublished() throws Exception {
        demoDirectory();
        String code = "T-INST-" + newCaseNumber();
        String csv = """
                kind,code,name,regionCode,institutionCode,attributes,active
                INSTITUTION,%s,测试中心,220202,,institutionKind=CENTRE,
                WINDOW,%s-W1,窗口一,,%s,,
                WINDOW,%s-W2,窗口二,,NO-SUCH-INSTITUTION,,
                STAFF,%s-S1,,,%s,,
                """.formatted(code, code, code, code, code, code);
        given().auth().oauth2(ADMIN).contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/directory/import").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", hasItem("/entries/2/institutionCode"))
                .body("errors.pointer", hasItem("/entries/3/name"));
        given().auth().oauth2(ADMIN).get("/api/v1/directory/entries/INSTITUTION/" + code + "/versions").then()
                .statusCode(404);

        String good = csv.lines().filter(l -> !l.contains("NO-SUCH") && !l.contains("-S1")).reduce("", (a, b) -> a + b + "\n");
        given().auth().oauth2(ADMIN).contentType("text/csv; charset=UTF-8").body(good).post("/api/v1/directory/import").then()
                .statusCode(200).body("recorded", equalTo(2));
        given().auth().oauth2(ADMIN).contentType("text/csv; charset=UTF-8").body(good).post("/api/v1/directory/import").then()
                .statusCode(200).body("recorded", equalTo(0)).body("unchanged", equalTo(2));
        given().auth().oauth2(ADMIN).contentType("application/json").body("""
                {"kind":"INSTITUTION","code":"%s","name":"测试中心（新名）","regionCode":"220202"}""".formatted(code))
                .post("/api/v1/directory/entries").then().statusCode(200).body("recordedKeys[0]",
                        equalTo("INSTITUTION:" + code + "@v2"));
        given().auth().oauth2(CHANNEL).get("/api/v1/directory/entries/INSTITUTION/" + code + "/versions").then()
                .statusCode(200).body("name", equalTo(List.of("测试中心", "测试中心（新名）")));
        await().atMost(Duration.ofSeconds(20)).until(() -> events(Topics.DIRECTORY, "INSTITUTION:" + code).size() == 2);
        given().auth().oauth2(CHANNEL).contentType("text/csv; charset=UTF-8").body(good).post("/api/v1/directory/import").then()
                .statusCode(403);
    }

    @Test
    void aCompletedCaseIsRecordedWithItsDeadlinesAndPublishedWithoutPersonalData() throws Exception {
        demoDirectory();
        String caseNumber = newCaseNumber();
        String json = instantCase(caseNumber, Instant.now().minusSeconds(60));
        reportCase(json).then().statusCode(202).body("status", equalTo("recorded"));
        reportCase(json).then().statusCode(202);
        reportCase(json.replace("JL-CY-S001", "JL-CY-S002")).then().statusCode(409)
                .contentType("application/problem+json");

        given().auth().oauth2(CHANNEL).get("/api/v1/cases/" + caseNumber).then().statusCode(200)
                .body("regionCode", equalTo("220202")).body("defaultLevel", equalTo(3)).body("realName", equalTo(true));
        await().atMost(Duration.ofSeconds(20)).until(() -> events(Topics.CASES, caseNumber).size() == 1);
        String event = events(Topics.CASES, caseNumber).get(0).value();
        CaseCompleted completed = EventJson.read(event, CaseCompleted.class).payload();
        assertTrue(completed.evaluatorPseudonym().startsWith("ev1_"));
        assertTrue(completed.evaluatorContactable());
        for (String personal : List.of("220102199001011234", "13800000000", "张三")) {
            assertFalse(event.contains(personal), "R1.10: no " + personal + " in the log");
        }
    }

    @Test
    void r1_11_aCaseNamingWhatIsNotInTheDirectoryIsRefusedAndNothingIsRecorded() {
        demoDirectory();
        String caseNumber = newCaseNumber();
        reportCase(caseJson(caseNumber, "INSTANT", "JL-CY-CENTRE", "TA-TS-W05", "NO-SUCH-STAFF",
                Instant.now(), null, null, null)).then().statusCode(422)
                .body("errors.pointer", hasItem("/windowCode"))
                .body("errors.pointer", hasItem("/staffId"));
        given().auth().oauth2(CHANNEL).get("/api/v1/cases/" + caseNumber).then().statusCode(404);
    }

    @Test
    void r1_4_sixtyFourSimultaneousRatingsOfOneCaseAcceptExactlyOneAndTheRestAre409() throws Exception {
        String caseNumber = IntakeFixtures.reportInstantCase();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Response> answers = new ArrayList<>();
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int level = 1 + i % 5;
                calls.add(() -> rate("""
                        {"caseNumber":"%s","channel":"WINDOW_DEVICE","level":%d,"tags":%s}"""
                        .formatted(caseNumber, level, level <= 2 ? "[\"SLOW\"]" : "[]")));
            }
            for (Future<Response> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, answers.stream().filter(r -> r.statusCode() == 202).count());
        List<Response> refused = answers.stream().filter(r -> r.statusCode() != 202).toList();
        assertEquals(63, refused.size());
        for (Response r : refused) {
            assertEquals(409, r.statusCode(), r.asString());
            assertEquals("application/problem+json", r.contentType());
            assertTrue(r.path("type").toString().endsWith("already-rated"), r.asString());
        }
        assertEquals(1, IntakeTestSupport.ratingRows(caseNumber));
        await().atMost(Duration.ofSeconds(20)).until(() -> IntakeTestSupport.outboxRows(caseNumber) == 0);
        assertEquals(1, IntakeTestSupport.ratingEventsFor(caseNumber).size());
    }

    @Test
    void r1_5_aRatingOfOneBatchCaseIsRecordedForEveryCaseOfTheBatch() throws Exception {
        demoDirectory();
        String batch = "BATCH-" + newCaseNumber();
        List<String> numbers = List.of(newCaseNumber(), newCaseNumber(), newCaseNumber());
        for (String n : numbers) {
            reportCase(caseJson(n, "INSTANT", "JL-CY-CENTRE", "JL-CY-W01", null, Instant.now().minusSeconds(30),
                    batch, null, null)).then().statusCode(202);
        }
        reportCase(caseJson(newCaseNumber(), "INSTANT", "JL-CY-CENTRE", "JL-CY-W02", null, Instant.now(), batch,
                null, null)).then().statusCode(422).body("errors.pointer", hasItem("/batchId"));
        rate("""
                {"caseNumber":"%s","channel":"WINDOW_DEVICE","level":5}""".formatted(numbers.get(1)))
                .then().statusCode(202).body("caseNumbers.size()", equalTo(3));
        rate("""
                {"caseNumber":"%s","channel":"WINDOW_DEVICE","level":4}""".formatted(numbers.get(0)))
                .then().statusCode(409);
        for (String n : numbers) {
            assertEquals(1, IntakeTestSupport.ratingRows(n), n);
        }
    }

    @Test
    void r1_9_aJilinCityCaseNobodyRatedGetsItsDefaultRatingOnceEvenWithTwoSchedulersRacing() throws Exception {
        demoDirectory();
        String caseNumber = newCaseNumber();
        Instant completed = Instant.parse("2025-09-30T02:00:00Z");
        reportCase(instantCase(caseNumber, completed)).then().statusCode(202)
                .body("caseNumber", equalTo(caseNumber));
        given().auth().oauth2(CHANNEL).get("/api/v1/cases/" + caseNumber).then()
                .body("defaultRatingDueAt", equalTo("2025-10-07T02:00:00Z"));

        // A moved clock: the day before it is due, nothing; when due, two replicas race and one rating is made.
        scheduler.runOnce(Instant.parse("2025-10-07T01:59:00Z"));
        assertEquals(0, IntakeTestSupport.ratingRows(caseNumber));
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Instant due = Instant.parse("2025-10-07T02:00:00Z");
            two.invokeAll(List.<Callable<DefaultRatingScheduler.Round>>of(() -> scheduler.runOnce(due),
                    () -> scheduler.runOnce(due))).forEach(f -> {
                        try {
                            f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
        } finally {
            two.shutdownNow();
        }
        assertEquals(1, IntakeTestSupport.ratingRows(caseNumber));
        await().atMost(Duration.ofSeconds(20)).until(() -> IntakeTestSupport.ratingEventsFor(caseNumber).size() == 1);
        RatingSubmitted rating = EventJson.read(IntakeTestSupport.ratingEventsFor(caseNumber).get(0).value(),
                RatingSubmitted.class).payload();
        assertEquals(3, rating.level());
        assertEquals(RatingOrigin.DEFAULT_RATING, rating.origin());
        assertEquals(Instant.parse("2025-10-07T02:00:00Z"), rating.ratedAt());
        // R1.4: the evaluator comes too late; the case has its one rating.
        rate("""
                {"caseNumber":"%s","channel":"WEBSITE","level":5,"ratedAt":"2025-10-06T00:00:00Z"}"""
                .formatted(caseNumber)).then().statusCode(409).body("detail", containsString(caseNumber));
    }

    @Test
    void r1_9_aTaianCaseIsRemindedAfterOneWorkingDayThenDefaultedToLevel4AcrossNationalDay() throws Exception {
        demoDirectory();
        String caseNumber = newCaseNumber();
        reportCase(caseJson(caseNumber, "INSTANT", "TA-TS-CENTRE", "TA-TS-W05", "TA-TS-S001",
                Instant.parse("2025-09-26T02:00:00Z"), null, null, null)).then().statusCode(202);
        scheduler.runOnce(Instant.parse("2025-09-27T12:00:00Z")); // Saturday: no working day has passed
        assertEquals(0, events(Topics.CASES, caseNumber).stream().filter(r -> r.value().contains("Reminder")).count());
        scheduler.runOnce(Instant.parse("2025-09-28T02:00:00Z")); // make-up Sunday is working day 1
        scheduler.runOnce(Instant.parse("2025-10-09T12:00:00Z")); // after the holiday: only 1 of 4 more days
        assertEquals(0, IntakeTestSupport.ratingRows(caseNumber));
        scheduler.runOnce(Instant.parse("2025-10-10T02:00:00Z"));
        assertEquals(1, IntakeTestSupport.ratingRows(caseNumber));
        await().atMost(Duration.ofSeconds(20)).until(() -> events(Topics.CASES, caseNumber).size() == 2);
        assertTrue(events(Topics.CASES, caseNumber).get(1).value().contains("\"type\":\"RatingReminderIssued\""));
        await().atMost(Duration.ofSeconds(20)).until(() -> IntakeTestSupport.ratingEventsFor(caseNumber).size() == 1);
        assertEquals(4, EventJson.read(IntakeTestSupport.ratingEventsFor(caseNumber).get(0).value(),
                RatingSubmitted.class).payload().level());
        // System-made, so its cause is the case's CaseCompleted, not a request.
        UUID caseEvent = EventJson.read(events(Topics.CASES, caseNumber).get(0).value(), CaseCompleted.class).eventId();
        assertEquals(caseEvent, EventJson.read(IntakeTestSupport.ratingEventsFor(caseNumber).get(0).value(),
                RatingSubmitted.class).causationId());
    }

    @Test
    void r1_9_aCaseItsEvaluatorRatedGetsNoReminderAndNoDefaultRatingThoughTheRatingLeftTheCaseRowAlone()
            throws Exception {
        demoDirectory();
        String caseNumber = newCaseNumber();
        reportCase(caseJson(caseNumber, "INSTANT", "TA-TS-CENTRE", "TA-TS-W05", "TA-TS-S001",
                Instant.now().minusSeconds(600), null, null, null)).then().statusCode(202);
        rate("""
                {"caseNumber":"%s","channel":"WEBSITE","level":5}""".formatted(caseNumber)).then().statusCode(202);
        // The rating took a slot; the scheduler, meeting the case among the due ones, sees the slot and marks it.
        assertEquals(0, IntakeTestSupport.count("SELECT count(*) FROM service_case WHERE case_number = ? AND rated",
                caseNumber));
        // Two months on, both its reminder and its default rating would long be due.
        scheduler.runOnce(Instant.now().plus(Duration.ofDays(60)));
        assertEquals(1, IntakeTestSupport.ratingRows(caseNumber));
        assertEquals(1, IntakeTestSupport.count("SELECT count(*) FROM service_case WHERE case_number = ? AND rated",
                caseNumber));
        await().atMost(Duration.ofSeconds(20)).until(() -> IntakeTestSupport.ratingEventsFor(caseNumber).size() == 1);
        assertEquals(1, events(Topics.CASES, caseNumber).size(), "no reminder for a rated case");
    }

    @Test
    void r1_4_inOneBatchTheSecondRatingOfACaseSeesTheFirstAndTheSameIdTwiceIsOneRating() throws Exception {
        demoDirectory();
        String first = IntakeFixtures.reportInstantCase();
        String second = IntakeFixtures.reportInstantCase();
        String items = """
                {"ratingId":"%1$s-A","caseNumber":"%1$s","channel":"WEBSITE","level":5},
                {"ratingId":"%1$s-B","caseNumber":"%1$s","channel":"WEBSITE","level":4},
                {"ratingId":"%2$s-A","caseNumber":"%2$s","channel":"WEBSITE","level":3},
                {"ratingId":"%2$s-A","caseNumber":"%2$s","channel":"WEBSITE","level":3},
                {"ratingId":"%2$s-A","caseNumber":"%2$s","channel":"WEBSITE","level":2,"tags":["WAITING"]}"""
                .formatted(first, second);
        given().auth().oauth2(CHANNEL).contentType("application/json").body("{\"ratings\":[" + items + "]}")
                .post("/api/v1/ratings/batch").then().statusCode(200)
                .body("results.outcome", equalTo(List.of("accepted", "rejected", "accepted", "replayed", "rejected")))
                .body("results.status", equalTo(List.of(202, 409, 202, 202, 409)));
        assertEquals(1, IntakeTestSupport.ratingRows(first));
        assertEquals(1, IntakeTestSupport.ratingRows(second));
    }

    @Test
    void r6_1_contactDetailsAreReadOnlyInScopeByRolesThatNeedThemOnlyThePurposesFieldsAndEveryReadingIsRecorded() throws Exception {
        String caseNumber = IntakeFixtures.reportInstantCase();
        String path = "/api/v1/cases/" + caseNumber + "/evaluator-contact";
        given().auth().oauth2(CHANNEL).get(path + "?purpose=callback").then().statusCode(403);
        given().auth().oauth2(DevTokens.mint("auditor")).get(path + "?purpose=callback").then().statusCode(403);
        String handler = DevTokens.mint("handler", "JL-CY-CENTRE", Duration.ofHours(1));
        given().auth().oauth2(handler).get(path).then().statusCode(422).body("errors.pointer", hasItem("?purpose"));
        given().auth().oauth2(handler).get(path + "?purpose=gossip").then().statusCode(422);
        // Scope: another institution's handler and another region's bureau learn nothing, not even that the case
        // exists (404, as for an unknown case); a token without scope is refused.
        given().auth().oauth2(DevTokens.mint("handler", "TA-TS-CENTRE", Duration.ofHours(1)))
                .get(path + "?purpose=CALLBACK").then().statusCode(404);
        given().auth().oauth2(DevTokens.mint("handler")).get(path + "?purpose=CALLBACK").then().statusCode(403);
        given().auth().oauth2(DevTokens.mint("bureau", "3709", Duration.ofHours(1)))
                .get(path + "?purpose=CALLBACK").then().statusCode(404);
        // Data minimisation: each purpose gets only its fields.
        given().auth().oauth2(handler).get(path + "?purpose=callback").then().statusCode(200)
                .body("mobile", equalTo("13800000000")).body("name", equalTo("张三"))
                .body("$", not(hasKey("idNumber")));
        String bureau = DevTokens.mint("bureau", "2202", Duration.ofHours(1));
        given().auth().oauth2(bureau).get(path + "?purpose=RESURVEY").then().statusCode(200)
                .body("mobile", equalTo("13800000000")).body("$", not(hasKey("name"))).body("$", not(hasKey("idNumber")));
        // A purpose must be the role's duty: the rated unit never reads its evaluator's ID number, nor re-surveys.
        given().auth().oauth2(handler).get(path + "?purpose=CREDIT_RECORD").then().statusCode(403);
        given().auth().oauth2(handler).get(path + "?purpose=RESURVEY").then().statusCode(403);
        // ... and a credit record exists only where the policy keeps one: Jilin City's does not (R3.4 is TA's).
        given().auth().oauth2(bureau).get(path + "?purpose=CREDIT_RECORD").then().statusCode(403);
        given().auth().oauth2(ADMIN).get(path + "?purpose=CREDIT_RECORD").then().statusCode(403);
        assertEquals(2, IntakeTestSupport.count("SELECT count(*) FROM contact_access WHERE case_number = ? "
                + "AND outcome = 'read'", caseNumber), "every read is recorded");
        assertEquals(6, IntakeTestSupport.count("SELECT count(*) FROM contact_access WHERE case_number = ? "
                + "AND outcome = 'refused'", caseNumber), "and so is every refusal past the role check");
        assertEquals(1, IntakeTestSupport.count("SELECT count(*) FROM contact_access WHERE case_number = ? "
                + "AND purpose = 'RESURVEY' AND role = 'bureau'", caseNumber));
        assertEquals(0, IntakeTestSupport.count("SELECT count(*) FROM evaluator_contact WHERE case_number = ? "
                + "AND position('13800000000' in encode(sealed, 'escape')) > 0", caseNumber), "sealed at rest");
    }

    @Test
    void r3_4_aCreditRecordNamesTheEvaluatorOnlyToTheBureauWherePolicyKeepsOneOnceFoundMalicious() throws Exception {
        IntakeFixtures.demoDirectory();
        String caseNumber = IntakeFixtures.newCaseNumber();
        IntakeFixtures.reportCase(IntakeFixtures.caseJson(caseNumber, "INSTANT", "TA-TS-CENTRE", "TA-TS-W05",
                "TA-TS-S001", Instant.now().minusSeconds(600), null, null, null)
                .replace("JL-BIZ", "TA-BIZ")).then().statusCode(202);
        String path = "/api/v1/cases/" + caseNumber + "/evaluator-contact?purpose=CREDIT_RECORD";
        String bureau = DevTokens.mint("bureau", "3709", Duration.ofHours(1));
        // Not before an appeal found the rating malicious: the evaluator has done nothing a credit file records.
        given().auth().oauth2(bureau).get(path).then().statusCode(403);

        Instant now = Instant.now();
        String ratingId = "R-" + caseNumber;
        TestEvents.publish(Topics.APPEALS, EventEnvelope.of(
                new RatingNotAdopted(ratingId, caseNumber, "D1", true, "恶意差评", "bureau-3709",
                        now), ratingId, "370902", now, now, null, null, "appeal-service"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().auth().oauth2(bureau).get(path).statusCode() == 200);
        given().auth().oauth2(bureau).get(path).then().statusCode(200)
                .body("name", equalTo("张三")).body("idNumber", equalTo("220102199001011234"))
                .body("$", not(hasKey("mobile")));
        given().auth().oauth2(DevTokens.mint("handler", "TA-TS-CENTRE", Duration.ofHours(1))).get(path).then()
                .statusCode(403);

        // A review reinstated the rating: no credit record any more.
        TestEvents.publish(Topics.APPEALS, EventEnvelope.of(
                new RatingReinstated(ratingId, caseNumber, "D2", "复核", "bureau-3709", now),
                ratingId, "370902", now, now, null, null, "appeal-service"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().auth().oauth2(bureau).get(path).statusCode() == 403);
    }

    @Test
    void anOperatorLoadsAYearsCalendarAndABrokenOneIsRefusedByLine() {
        given().auth().oauth2(ADMIN).contentType("text/csv; charset=UTF-8").body("date,kind,name\n2031-01-06,workday,Monday\n")
                .put("/api/v1/calendar/2031").then().statusCode(422).body("errors.pointer", hasItem("line 2"));
        given().auth().oauth2(ADMIN).contentType("text/csv; charset=UTF-8").body("date,kind,name\n2031-01-01,holiday,元旦\n")
                .put("/api/v1/calendar/2031").then().statusCode(200).body("days", equalTo(1));
        given().get("/api/v1/calendar").then().statusCode(200).body("loadedYears", hasItem(2031));
        given().get("/api/v1/policies/370902").then().statusCode(200)
                .body("defaultRating.level", equalTo(4)).body("badReviewTags.code", hasItem("SLOW"));
    }

    @Test
    void r1_9_anUnratedCaseCountedWithoutThe2027CalendarIsRedatedWhenItIsLoadedAndTheHistorySaysSo() {
        // Given a Tai'an case completed on Wednesday 30 December 2026 while 2027 has no calendar: reminder after 1
        // working day, default rating 4 working days later, counted on weekends alone.
        QuarkusMock.installMockForType(new MovableClock(java.time.OffsetDateTime.parse("2026-12-30T10:00+08:00")
                .toInstant(), ChinaTime.ZONE), java.time.Clock.class);
        demoDirectory();
        String caseNumber = newCaseNumber();
        Instant completed = java.time.OffsetDateTime.parse("2026-12-30T09:00+08:00").toInstant();
        reportCase(caseJson(caseNumber, "INSTANT", "TA-TS-CENTRE", "TA-TS-W05", "TA-TS-S001", completed, null, null,
                null).replace("JL-BIZ", "TA-BIZ")).then().statusCode(202);

        // When the operator loads 2027 (here: 1 and 4-5 January off).
        given().auth().oauth2(ADMIN).contentType("text/csv; charset=UTF-8")
                .body("date,kind,name\n2027-01-01,holiday,元旦\n2027-01-04,holiday,元旦\n2027-01-05,holiday,元旦\n")
                .put("/api/v1/calendar/2027").then().statusCode(200);

        // Then the case's deadlines move, and hcp.cases says why: reminder 31 December, default rating on the 4th
        // working day after it (6, 7, 8, 11 January) instead of 6 January.
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicProbe.readAll(
                LocalStack.shared().kafka().bootstrapServers(), Topics.CASES).stream()
                .anyMatch(r -> caseNumber.equals(r.key()) && r.value().contains("CaseDeadlinesRedated")));
        String redated = TopicProbe.readAll(LocalStack.shared().kafka().bootstrapServers(), Topics.CASES).stream()
                .filter(r -> caseNumber.equals(r.key()) && r.value().contains("CaseDeadlinesRedated"))
                .findFirst().orElseThrow().value();
        org.hcp.events.CaseDeadlinesRedated event = EventJson.read(redated,
                org.hcp.events.CaseDeadlinesRedated.class).payload();
        assertEquals(2027, event.calendarYear());
        assertEquals(java.time.OffsetDateTime.parse("2027-01-11T09:00+08:00").toInstant(),
                event.defaultRatingDueAt());
        assertFalse(event.deadlinesProvisional());
    }
}
