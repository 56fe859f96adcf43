package org.hcp.rectification.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.hcp.kit.db.Transactions;
import org.hcp.localstack.DevTokens;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.TestEvents;
import org.junit.jupiter.api.Test;

/** ./hcp rebuild rectification: the ledger rebuilt from hcp.rectifications equals the live one, row by row. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "rectification"))
class RebuildTest {

    private static final String ADMIN = DevTokens.mint("admin");
    private static final String UNIT = DevTokens.mint("handler", "JL-CY-CENTRE", Duration.ofHours(1));

    @Inject
    Pool pool;

    private String openOne() {
        var rating = TestEvents.rating("220202", "JL-CY-CENTRE", 2, Instant.now());
        TestEvents.publish(rating);
        String id = rating.payload().ratingId();
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(UNIT)
                .get("/api/v1/rectifications/" + id).statusCode() == 200);
        return id;
    }

    private List<String> ledger() {
        List<String> rows = new ArrayList<>();
        Transactions.query(pool, "SELECT r::text AS row FROM rectification r ORDER BY rectification_id", Tuple.tuple())
                .forEach(r -> rows.add(r.getString("row")));
        Transactions.query(pool, "SELECT e::text AS row FROM rectification_event e ORDER BY rectification_id, seq",
                Tuple.tuple()).forEach(r -> rows.add(r.getString("row")));
        return rows;
    }

    private static io.restassured.response.ValidatableResponse rebuild() {
        return given().auth().oauth2(ADMIN).post("/api/v1/admin/rebuild").then().statusCode(200);
    }

    @Test
    void theLedgerRebuiltFromTheLogEqualsTheLiveOneAndADamagedRowIsPutRight() {
        String worked = openOne();
        given().auth().oauth2(UNIT).contentType("application/json").body("{\"responsiblePerson\":\"王科长\"}")
                .post("/api/v1/rectifications/" + worked + "/assignment").then().statusCode(200);
        given().auth().oauth2(UNIT).contentType("application/json").body("{\"classification\":\"CLEAR\"}")
                .post("/api/v1/rectifications/" + worked + "/classification").then().statusCode(200);
        String untouched = openOne();

        List<String> live = ledger();
        rebuild().body("differences", equalTo(0));
        assertEquals(live, ledger(), "a rebuild of a healthy ledger changes nothing");

        // Damage the live tables as a bad migration or a hand-edit would; the log puts them right.
        Transactions.query(pool, "UPDATE rectification SET status = 'CLOSED' WHERE rectification_id = $1",
                Tuple.of(worked));
        Transactions.query(pool, "DELETE FROM rectification_event WHERE rectification_id = $1 AND seq = 1",
                Tuple.of(worked));
        Transactions.query(pool, "DELETE FROM rectification WHERE rectification_id = $1", Tuple.of(untouched));
        int differences = rebuild().extract().path("differences");
        assertTrue(differences >= 3, "three damaged rows at least, found " + differences);
        assertEquals(live, ledger());
        given().auth().oauth2(UNIT).get("/api/v1/rectifications/" + worked).then()
                .body("rectification.status", equalTo("CLASSIFIED"));
    }
}
