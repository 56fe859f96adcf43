package org.hcp.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hcp.testkit.TestEvents.publish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hcp.audit.AuditFold;
import org.hcp.audit.CaseHistory;
import org.hcp.audit.tool.AuditQueries;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.TopicProbe;
import org.hcp.reporting.service.BulletinScheduler;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.TestEvents;
import org.junit.jupiter.api.Test;

/** R4.3 / R4.7: a bulletin is published once, frozen; a later change to its month shows as an erratum beside it. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class BulletinTest {

    private static final String ADMIN = DevTokens.mint("admin");
    // 南宁市兴宁区: no other test rates there.
    private static final String COUNTY = "450102";

    @Inject
    BulletinScheduler scheduler;

    private static final String PSEUDONYM = "p-bulletin-evaluator";
    private static final String TEXT = "窗口人员态度恶劣";

    /** A real-name rating with free text: what a bulletin must never show (R4.7). */
    private static EventEnvelope<RatingSubmitted> rating(String institution, int level, Instant at) {
        RatingSubmitted r = TestEvents.rating(COUNTY, institution, level, at).payload();
        RatingSubmitted named = new RatingSubmitted(r.ratingId(), r.caseNumber(), r.caseKind(), r.itemCode(),
                r.institutionCode(), r.windowCode(), r.staffId(), r.platformCode(), r.regionCode(), r.channel(),
                r.channelPf(), r.level(), r.tags(), TEXT, r.dimensions(), r.evaluatorType(), PSEUDONYM, r.origin(),
                r.assessNumber(), r.ratedAt(), r.caseCompletedAt(), r.scope(), r.groupId(), r.visitId(),
                r.sourceRatingId(), r.detailForm());
        return EventEnvelope.of(named, r.ratingId(), COUNTY, at, at, null, null, "test");
    }

    private static long bad(String institution) {
        return given().auth().oauth2(ADMIN).get("/api/v1/stats/figures?institution=" + institution
                + "&from=2025-06-01&to=2025-06-30").then().statusCode(200).extract().jsonPath().getLong("figures.bad");
    }

    private static String body(String path) {
        return given().get(path).then().statusCode(200).extract().asString();
    }

    /** The text a reader of the PDF sees. */
    private static String pdfText(String path) throws IOException {
        return PdfText.of(given().get(path).then().statusCode(200).contentType("application/pdf").extract()
                .asByteArray());
    }

    @Test
    void r4_3_aPublishedBulletinNeverChangesAndAnUpheldAppealInItsMonthShowsAsAnErratum() throws IOException {
        String institution = "BUL-" + UUID.randomUUID().toString().substring(0, 8);
        Instant june = Instant.parse("2025-06-10T02:00:00Z");
        List<EventEnvelope<RatingSubmitted>> ratings = List.of(rating(institution, 5, june),
                rating(institution, 5, june), rating(institution, 4, june), rating(institution, 2, june),
                rating(institution, 1, june));
        ratings.forEach(TestEvents::publish);
        await().atMost(Duration.ofSeconds(20)).until(() -> bad(institution) == 2);

        JsonPath published = given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"month\":\"2025-06\",\"scope\":\"REGION\",\"code\":\"" + COUNTY + "\"}")
                .post("/api/v1/bulletins").then().statusCode(201).extract().jsonPath();
        String id = "2025-06/REGION/" + COUNTY;
        assertEquals(id, published.getString("[0].bulletinId"));
        String base = "/api/v1/bulletins/" + id;
        String json = body(base + "/bulletin.json");
        String csv = body(base + "/bulletin.csv");
        given().get(base).then().statusCode(200).body("bulletin.figures.bad", equalTo(2))
                .body("bulletin.figures.ratings", equalTo(5)).body("bulletin.ranking[0].unit", equalTo(institution))
                .body("bulletin.topTags[0].tag", equalTo("SLOW")).body("bulletin.topTags[0].name", equalTo("办理时间长"))
                .body("errata.size()", equalTo(0));
        String html = body(base + "/bulletin.html");
        String pdf = pdfText(base + "/bulletin.pdf");
        assertTrue(pdf.contains("“好差评”情况通报（2025年6月）") && pdf.contains("好差评通报〔2025〕6-")
                && pdf.contains("好评率") && pdf.contains(COUNTY) && pdf.contains("60.00%")
                && pdf.contains("办理时间长") && !pdf.contains("勘误："), pdf);
        String english = body(base + "/bulletin.html?lang=en");
        assertTrue(english.contains("lang=\"en\"") && english.contains("Good-review rate")
                && !english.contains("好评率"), "the English edition is a translation, not interleaved");
        String englishPdf = pdfText(base + "/bulletin.pdf?lang=en");
        for (String document : List.of("/bulletin.html", "/bulletin.pdf")) {
            given().get(base + document + "?lang=" + "en".repeat(5)).then().statusCode(422)
                    .contentType("application/problem+json").body("errors.pointer", hasItem("?lang"));
        }
        String index = body("/public/bulletins?region=" + COUNTY + "&month=2025-06");
        assertTrue(index.contains(id + "/") && englishPdf.contains("Main figures"), index);
        for (String document : List.of(json, csv, html, pdf, english, englishPdf, index)) {
            assertTrue(!document.contains(PSEUDONYM) && !document.contains(TEXT),
                    "R4.7: never an evaluator, never a rating's text");
        }

        // Published once: asked again, it answers the same bulletin, created false.
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"month\":\"2025-06\",\"scope\":\"REGION\",\"code\":\"" + COUNTY + "\"}")
                .post("/api/v1/bulletins").then().statusCode(200).body("[0].created", equalTo(false))
                .body("[0].contentHash", equalTo(published.getString("[0].contentHash")));

        // R3.4: the level-1 review is found not adopted after the bulletin.
        RatingSubmitted worst = ratings.get(4).payload();
        Instant now = Instant.now();
        publish(Topics.APPEALS, EventEnvelope.of(new RatingNotAdopted(worst.ratingId(), worst.caseNumber(),
                "d-bulletin", true, "误评", "bureau:4501", now), worst.ratingId(), COUNTY, now, now, null, null,
                "test"));
        await().atMost(Duration.ofSeconds(20)).until(() -> bad(institution) == 1);

        assertEquals(json, body(base + "/bulletin.json"), "the bulletin's bytes are unchanged");
        assertEquals(csv, body(base + "/bulletin.csv"));
        JsonPath errata = given().get(base).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> changed = errata.getList("errata");
        assertTrue(changed.contains(Map.of("figure", "bad", "published", 2, "now", 1)), changed.toString());
        assertTrue(changed.contains(Map.of("figure", "ratings", "published", 5, "now", 4)), changed.toString());
        assertTrue(changed.contains(Map.of("figure", "byLevel.1", "published", 1, "now", 0)), changed.toString());
        given().get(base + "/bulletin.html").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("勘误：")).body(containsString("好评率")).body(containsString(COUNTY));
        String pdfAfter = pdfText(base + "/bulletin.pdf");
        assertTrue(pdfAfter.contains("勘误：") && pdfAfter.contains("60.00%"), "the PDF shows the bulletin as published "
                + "and its erratum after it: " + pdfAfter);

        // Its event went out once, through the outbox.
        await().atMost(Duration.ofSeconds(20)).until(() -> TopicProbe.readAll(
                LocalStack.shared().kafka().bootstrapServers(), Topics.BULLETINS).stream()
                .filter(r -> r.key().equals(id)).count() == 1);
        assertEquals(published.getString("[0].contentHash"), errata.getString("bulletin.contentHash"));

        // R5.3: the auditor, from the log alone, recomputes the bulletin as of its publication: identical; and its
        // erratum is explained by the decision received since, about that very rating.
        AuditQueries queries = new AuditQueries(LocalStack.shared().kafka().bootstrapServers());
        org.hcp.audit.BulletinAudits.BulletinAudit audit = queries.bulletins("2025-06", COUNTY).stream()
                .filter(a -> a.bulletinId().equals(id)).findFirst().orElseThrow();
        assertEquals(List.of(), audit.asPublished(), "reproduced exactly");
        assertTrue(audit.compared() >= 20, "figures compared: " + audit.compared());
        assertTrue(audit.errata().stream().anyMatch(d -> d.figure().equals("bad") && d.published().intValue() == 2
                && ((Number) d.recomputed()).intValue() == 1), audit.errata().toString());
        String ratingEvent = ratings.get(4).eventId().toString();
        assertEquals(1, audit.causes().size(), audit.causes().toString());
        assertTrue(audit.causes().get(0).contains("RatingNotAdopted") && audit.causes().get(0).contains(ratingEvent),
                audit.causes().toString());
        // Drill-down: the events behind the institution's figures now, and the one no longer counted.
        AuditFold.Contributors behind = queries.foldAsOf(null).contributors(new AuditFold.Query(null, institution,
                null, null, null, null, null, 0));
        assertEquals(4, behind.counted().size());
        assertEquals(1, behind.notAdopted().size());
        assertTrue(behind.notAdopted().get(0).startsWith("hcp.ratings/") && behind.notAdopted().get(0)
                .contains(ratingEvent) && behind.notAdopted().get(0).contains("RatingNotAdopted"), behind.toString());
        // The case's history: its rating, then the decision about it; never who rated, nor their words (R6.1).
        List<CaseHistory.Entry> history = queries.caseHistory(worst.caseNumber());
        assertEquals(List.of("RatingSubmitted", "RatingNotAdopted"),
                history.stream().map(CaseHistory.Entry::type).toList());
        assertTrue(!history.toString().contains(PSEUDONYM) && !history.toString().contains(TEXT), history.toString());
    }

    @Test
    void r4_3_theSchedulerPublishesTheMonthJustEndedOnce() {
        String institution = "BUL-" + UUID.randomUUID().toString().substring(0, 8);
        publish(rating(institution, 4, Instant.parse("2025-07-15T02:00:00Z")));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(ADMIN)
                .get("/api/v1/stats/figures?institution=" + institution).then().extract().jsonPath()
                .getLong("figures.ratings") == 1);
        Instant augustFirst = Instant.parse("2025-08-01T01:00:00Z");
        assertTrue(scheduler.runOnce(augustFirst) >= 2, "July's bulletins: the county's and the institution's");
        assertEquals(0, scheduler.runOnce(augustFirst), "a second round publishes nothing twice");
        given().get("/api/v1/bulletins?month=2025-07&region=" + COUNTY).then().statusCode(200)
                .body("bulletinId", hasItem("2025-07/INSTITUTION/" + institution))
                .body("bulletinId", hasItem("2025-07/REGION/" + COUNTY));
    }

    @Test
    void r4_3_badRequestsAreProblemsAndABureauPublishesInItsRegionOnly() {
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"month\":\"2999-01\"}")
                .post("/api/v1/bulletins").then().statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", hasItem("/month"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"month\":\"2025-06\",\"scope\":\"REGION\",\"code\":\"45\"}")
                .post("/api/v1/bulletins").then().statusCode(422).body("errors.pointer", hasItem("/code"));
        given().auth().oauth2(DevTokens.mint("bureau", "2202", Duration.ofHours(1))).contentType("application/json")
                .body("{\"month\":\"2025-06\",\"scope\":\"REGION\",\"code\":\"" + COUNTY + "\"}")
                .post("/api/v1/bulletins").then().statusCode(403);
        given().get("/api/v1/bulletins?month=June").then().statusCode(422).body(not(containsString("Exception")));
    }
}
