package org.hcp.appeal.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hcp.appeal.domain.RatingStreams;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.kit.db.Transactions;
import org.hcp.localstack.DevTokens;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * ./hcp rebuild appeal: the appeal tables (appeals and their events, notices, credit records, integrity reviews)
 * refolded from hcp.appeals equal the live ones row by row, and damaged rows are put right.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "appeal"))
class RebuildTest {

    private static final String ADMIN = DevTokens.mint("admin");
    private static final String UNIT = DevTokens.mint("handler", "TA-TS-CENTRE", Duration.ofHours(1));
    private static final String BUREAU = DevTokens.mint("bureau", "3709", Duration.ofHours(1));
    private static final List<String> TABLES = List.of("appeal", "appeal_event", "appeal_notice", "credit_record",
            "integrity_review", "integrity_flag");

    @Inject
    Pool pool;

    private List<String> tables() {
        List<String> rows = new ArrayList<>();
        for (String table : TABLES) {
            Transactions.query(pool, "SELECT t::text AS row FROM " + table + " t ORDER BY 1", Tuple.tuple())
                    .forEach(r -> rows.add(table + " " + r.getString("row")));
        }
        return rows;
    }

    private static io.restassured.response.ValidatableResponse rebuild() {
        return given().auth().oauth2(ADMIN).post("/api/v1/admin/rebuild").then().statusCode(200);
    }

    private static void post(String token, String path, String json) {
        given().auth().oauth2(token).contentType("application/json").body(json).post(path).then().statusCode(200);
    }

    @Test
    void theAppealTablesRebuiltFromTheLogEqualTheLiveOnesAndDamagedRowsArePutRight() {
        // A malicious bad review upheld in Tai'an (notices and a credit record), and a reviewed integrity flag.
        Instant now = Instant.now();
        RatingSubmitted bad = RatingStreams.rating("370902", "TA-TS-CENTRE", "TA-TS-W09", "TA-TS-S009",
                org.hcp.events.Channel.QR_CODE, 1, "p-rebuild-" + now.toEpochMilli(), now, now.minusSeconds(600));
        List<RatingSubmitted> burst = RatingStreams.deviceBurst(9, "370902", "TA-TS-CENTRE", "TA-TS-W08",
                "TA-TS-S008", now.minusSeconds(900), 6);
        List<RatingSubmitted> all = new ArrayList<>(burst);
        all.add(bad);
        TestEvents.publishAll(Topics.RATINGS, all.stream().map(r -> EventEnvelope.of(r, r.ratingId(),
                r.regionCode(), r.ratedAt(), r.ratedAt(), null, null, "test")).toList());
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(UNIT).contentType("application/json")
                .body("{\"ratingId\":\"%s\",\"appellant\":\"STAFF\",\"grounds\":\"恶意差评\"}".formatted(bad.ratingId()))
                .post("/api/v1/appeals").statusCode() == 200);
        String a = "/api/v1/appeals/" + bad.ratingId();
        post(BUREAU, a + "/verifications", "{\"method\":\"PHONE_CALLBACK\",\"finding\":\"评价人承认恶意\"}");
        post(BUREAU, a + "/decision", "{\"outcome\":\"UPHELD\",\"malicious\":true,\"reason\":\"恶意差评\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> flagOf(burst.get(0).ratingId()) != null);
        post(BUREAU, "/api/v1/integrity-flags/" + flagOf(burst.get(0).ratingId()) + "/review",
                "{\"outcome\":\"NOT_ADOPTED\",\"reason\":\"代评\"}");

        List<String> live = tables();
        rebuild().body("differences", equalTo(0)).body("appeals", greaterThan(0))
                .body("integrityReviews", greaterThan(0));
        assertEquals(live, tables(), "a rebuild of healthy tables changes nothing");

        // Damage the live tables as a bad migration or a hand-edit would; the log puts them right.
        Transactions.query(pool, "UPDATE appeal SET status = 'REJECTED' WHERE rating_id = $1",
                Tuple.of(bad.ratingId()));
        Transactions.query(pool, "DELETE FROM appeal_notice WHERE rating_id = $1", Tuple.of(bad.ratingId()));
        Transactions.query(pool, "DELETE FROM credit_record WHERE rating_id = $1", Tuple.of(bad.ratingId()));
        Transactions.query(pool, "UPDATE integrity_flag SET reviews = 0", Tuple.tuple());
        rebuild().body("differences", greaterThan(3));
        assertEquals(live, tables(), "put back as the log says");
        rebuild().body("differences", equalTo(0));
    }

    private String flagOf(String ratingId) {
        return Transactions.query(pool, "SELECT flag_id FROM integrity_flag WHERE $1 = ANY(rating_ids)",
                Tuple.of(ratingId)).stream().map(r -> r.getString("flag_id")).findFirst().orElse(null);
    }
}
