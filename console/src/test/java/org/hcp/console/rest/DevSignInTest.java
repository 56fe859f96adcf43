package org.hcp.console.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.hcp.console.service.DevSignIn;
import org.hcp.events.EventJson;
import org.junit.jupiter.api.Test;

/** The development sign-in: a token for the person chosen, which the console and the services accept. */
@QuarkusTest
class DevSignInTest {

    @Test
    void aHandlerChosenOnTheSignInPageGetsATokenForItsInstitutionValidForTwelveHours() throws Exception {
        String token = given().contentType("application/json").body("{\"role\":\"handler\",\"scope\":\"JL-CY-CENTRE\"}")
                .post("/api/v1/console/dev-sign-in").then().statusCode(200).extract().path("token");
        JsonNode claims = EventJson.mapper().readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertEquals("handler", claims.path("groups").get(0).asText());
        assertEquals("JL-CY-CENTRE", claims.path("hcp_scope").asText());
        assertEquals("hcp-dev", claims.path("iss").asText());
        assertEquals(12 * 3600, claims.path("exp").asLong() - claims.path("iat").asLong());
        // accepted: past the console's own check to the (absent) service behind it
        given().auth().oauth2(token).get("/api/v1/console/rectifications").then().statusCode(502);
    }

    @Test
    void aScopedRoleWithoutItsScopeOrAMachineRoleIsRefusedAndSaysWhere() {
        given().contentType("application/json").body("{\"role\":\"bureau\"}").post("/api/v1/console/dev-sign-in")
                .then().statusCode(422).body("errors[0].pointer", equalTo("/scope"));
        given().contentType("application/json").body("{\"role\":\"sync\",\"scope\":\"22\"}")
                .post("/api/v1/console/dev-sign-in").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/role")).body("errors[0].message", containsString("handler"));
    }

    @Test
    void aBureauSupervisesItsRegionsPrefixACountyAndATownshipTheirWholeCode() {
        assertEquals("22", DevSignInResource.regionPrefix("220000"));
        assertEquals("2202", DevSignInResource.regionPrefix("220200"));
        assertEquals("370923", DevSignInResource.regionPrefix("370923"));
        assertEquals("220271001", DevSignInResource.regionPrefix("220271001"));
    }

    @Test
    void theProdProfileRefusesToOfferIt() {
        var refused = assertThrows(IllegalStateException.class,
                () -> DevSignIn.refuseInProduction(List.of("prod"), true));
        assertTrue(refused.getMessage().contains("HCP_CONSOLE_DEV_SIGN_IN_KEY_FILE"));
        DevSignIn.refuseInProduction(List.of("local"), true);
        DevSignIn.refuseInProduction(List.of("prod"), false);
    }
}
