package org.hcp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hcp.intake.rest.IntakeFixtures.CHANNEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hcp.events.CaseCompleted;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * Every event names the request it belongs to and what caused it; the answer returns the id, and the Kafka record
 * carries it in headers with a W3C traceparent (docs/events.md).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class CorrelationTest {

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aChannelsCorrelationIdIsEchoedAndCarriedByItsEventInTheEnvelopeAndTheHeaders() {
        IntakeFixtures.demoDirectory();
        String caseNumber = IntakeFixtures.newCaseNumber();
        UUID sent = UUID.randomUUID();
        given().auth().oauth2(CHANNEL).header("X-Correlation-Id", sent.toString()).contentType("application/json")
                .body(IntakeFixtures.instantCase(caseNumber, Instant.now().minusSeconds(60))).post("/api/v1/cases")
                .then().statusCode(202).header("X-Correlation-Id", sent.toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> cases(caseNumber).size() == 1);
        ConsumerRecord<String, String> record = cases(caseNumber).get(0);
        EventEnvelope<CaseCompleted> event = EventJson.read(record.value(), CaseCompleted.class);
        assertEquals(sent, event.correlationId());
        assertEquals(sent, event.causationId(), "the request is the command that caused it");
        assertEquals(sent.toString(), header(record, "hcp.correlation-id"));
        assertEquals("CaseCompleted", header(record, "hcp.event-type"));
        assertEquals(event.eventId().toString(), header(record, "hcp.event-id"));
        assertEquals("00-" + sent.toString().replace("-", "") + "-"
                + String.format("%016x", event.eventId().getLeastSignificantBits()) + "-01",
                header(record, "traceparent"));
    }

    @Test
    void withoutOneTheAnswerGetsAnIdAndTheRatingsEventCarriesIt() {
        String caseNumber = IntakeFixtures.reportInstantCase();
        String returned = given().auth().oauth2(CHANNEL).contentType("application/json")
                .header("X-Correlation-Id", "not-a-uuid")
                .body("{\"caseNumber\":\"" + caseNumber + "\",\"channel\":\"WEBSITE\",\"level\":5}")
                .post("/api/v1/ratings").then().statusCode(202).extract().header("X-Correlation-Id");
        assertNotNull(returned);
        UUID id = UUID.fromString(returned);
        await().atMost(Duration.ofSeconds(20)).until(() -> IntakeTestSupport.ratingEventsFor(caseNumber).size() == 1);
        ConsumerRecord<String, String> record = IntakeTestSupport.ratingEventsFor(caseNumber).get(0);
        assertEquals(id, EventJson.read(record.value(), RatingSubmitted.class).correlationId());
        assertEquals(returned, header(record, "hcp.correlation-id"));
        // An error answer carries one too, so a channel can quote it.
        given().auth().oauth2(CHANNEL).contentType("application/json").body("{}").post("/api/v1/ratings")
                .then().statusCode(422).header("X-Correlation-Id", org.hamcrest.Matchers.notNullValue());
    }

    private static List<ConsumerRecord<String, String>> cases(String caseNumber) {
        return TopicProbe.readAll(LocalStack.shared().kafka().bootstrapServers(), Topics.CASES).stream()
                .filter(r -> caseNumber.equals(r.key())).toList();
    }
}
