package org.hcp.rectification.hotline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingSubmitted;
import org.hcp.localstack.LocalStack;
import org.hcp.rectification.service.HotlineDispatch;
import org.hcp.testkit.FakeHotline;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * docs/hotline.md: where the policy says so, a bad review goes to the city's 12345 platform as a signed work order,
 * once (a 503 is tried again with the same id), and the platform's signed reply becomes a step of the rectification,
 * once. On real Kafka and PostgreSQL, against a fake 12345 platform over HTTP.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "rectification"))
@QuarkusTestResource(value = FakeHotlineResource.class, restrictToAnnotatedClass = true)
class HotlineWorkOrderTest {

    @Inject
    HotlineDispatch dispatch;

    static FakeHotline hotline() {
        return FakeHotlineResource.hotline;
    }

    static String openedFor(String region) {
        String institution = "INST-" + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope<RatingSubmitted> bad = TestEvents.rating(region, institution, 1, Instant.now());
        TestEvents.publish(bad);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM rectification "
                + "WHERE rectification_id = ?", bad.payload().ratingId()) == 1);
        return bad.payload().ratingId();
    }

    static long count(String sql, String parameter) throws Exception {
        try (Connection c = LocalStack.shared().postgres().connect("rectification");
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long steps(String rectificationId, String type) throws Exception {
        return count("SELECT count(*) FROM rectification_event WHERE rectification_id = ? AND envelope LIKE '%\\\"type\\\":\\\""
                + type + "\\\"%'", rectificationId);
    }

    static io.restassured.response.Response reply(String workOrderId, String json, String signature) {
        return given().contentType("application/json").header("X-HCP-Subscriber", FakeHotline.ID)
                .header("X-HCP-Signature", signature).body(json.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/hotline/work-orders/" + workOrderId + "/replies");
    }

    @Test
    void aBadReviewGoesTo12345OnceAndItsSignedReplyBecomesAStepOnce() throws Exception {
        String id = openedFor(FakeHotlineResource.REGION);
        String workOrderId = "HCP-" + id;
        assertEquals(1, count("SELECT count(*) FROM hotline_dispatch WHERE rectification_id = ?", id));

        hotline().failNext(1);
        dispatch.runOnce(Instant.now());
        assertEquals(0, steps(id, "WorkOrderDispatched"), "a 503 is not taken");
        dispatch.runOnce(Instant.now().plusSeconds(120));
        assertTrue(hotline().workOrders().containsKey(workOrderId), hotline().deliveries().toString());
        assertEquals(2, hotline().deliveries().stream().filter(workOrderId::equals).count(),
                "the same work order id on the retry");
        assertEquals(1, steps(id, "WorkOrderDispatched"));
        String body = hotline().workOrders().get(workOrderId);
        assertTrue(body.contains("\"level\":1") && body.contains(FakeHotlineResource.REGION), body);
        assertFalse(body.contains("evaluator") || body.contains("pseudonym"), "no evaluator's data: " + body);
        assertEquals(java.util.List.of(), hotline().badSignatures());

        dispatch.runOnce(Instant.now().plusSeconds(600));
        assertEquals(2, hotline().deliveries().stream().filter(workOrderId::equals).count(), "taken: not sent again");

        String closed = """
                {"replyId":"R-%s","status":"CLOSED","text":"已联系办事群众，窗口已整改。","repliedAt":"%s"}"""
                .formatted(id, Instant.now());
        String signature = hotline().sign(closed.getBytes(StandardCharsets.UTF_8));
        reply(workOrderId, closed, signature).then().statusCode(200).body("repeated", equalTo(false));
        reply(workOrderId, closed, signature).then().statusCode(200).body("repeated", equalTo(true));
        assertEquals(1, steps(id, "WorkOrderReplied"), "a reply sent again is recorded once");

        reply(workOrderId, closed.replace("CLOSED", "HANDLED"), signature).then().statusCode(401)
                .contentType(org.hamcrest.Matchers.containsString("application/problem+json"));
        String wrongStatus = closed.replace("CLOSED", "DONE").replace("R-" + id, "R2-" + id);
        reply(workOrderId, wrongStatus, hotline().sign(wrongStatus.getBytes(StandardCharsets.UTF_8))).then()
                .statusCode(422);
        String elsewhere = openedFor("220202");
        String toOther = closed.replace("R-" + id, "R-" + elsewhere);
        reply("HCP-" + elsewhere, toOther, hotline().sign(toOther.getBytes(StandardCharsets.UTF_8))).then()
                .statusCode(404);
        assertEquals(0, count("SELECT count(*) FROM hotline_dispatch WHERE rectification_id = ?", elsewhere),
                "a region whose policy does not send to 12345");
    }
}
