package org.hcp.intake.rest;

import static org.hcp.testkit.AccessMatrix.Row.get;
import static org.hcp.testkit.AccessMatrix.Row.json;
import static org.hcp.testkit.AccessMatrix.Row.withBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.hcp.testkit.AccessMatrix;
import org.hcp.testkit.AccessMatrix.Row;
import org.hcp.testkit.LocalStackTestResource;
import org.junit.jupiter.api.Test;

/**
 * R6.1: every operation of intake's OpenAPI document, called as every role, in and out of scope, without scope,
 * expired, from another issuer and with no token. The case is Jilin City Changyi's (institution JL-CY-CENTRE,
 * region 220202): a handler of another institution or a bureau of another region must get 403.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class AccessMatrixTest {

    @TestHTTPResource("/")
    URL base;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void r6_1_everyOperationAnswersEachRoleAndScopeAsTheTableSays() throws Exception {
        String caseNumber = IntakeFixtures.reportInstantCase();
        String csv = "text/csv; charset=UTF-8";
        // Columns: AccessMatrix.COLUMNS. "+" = let through (the empty body then gets its 4xx), 401/403 refused.
        List<Row> rows = List.of(
                // channel-facing writes: channel and admin only
                json("POST /api/v1/cases", "/api/v1/cases",
                        "401 401 401 401 +   403 403 403 403 403 403 403 403 403 403 403 +"),
                json("POST /api/v1/ratings", "/api/v1/ratings",
                        "401 401 401 401 +   403 403 403 403 403 403 403 403 403 403 403 +"),
                json("POST /api/v1/ratings/batch", "/api/v1/ratings/batch",
                        "401 401 401 401 +   403 403 403 403 403 403 403 403 403 403 403 +"),
                get("GET /api/v1/ratings/{ratingId}", "/api/v1/ratings/no-such-rating",
                        "401 401 401 401 +   403 403 403 403 403 403 403 +   403 403 403 +"),
                get("GET /api/v1/devices/{deviceId}", "/api/v1/devices/PAD-JL-CY-W01",
                        "401 401 401 401 200 403 403 403 403 403 403 403 403 403 403 403 200"),
                json("POST /api/v1/devices/{deviceId}/ratings", "/api/v1/devices/PAD-JL-CY-W01/ratings",
                        "401 401 401 401 +   403 403 403 403 403 403 403 403 403 403 403 +"),
                json("POST /api/v1/rating-links", "/api/v1/rating-links",
                        "401 401 401 401 +   403 403 403 403 403 403 403 403 403 403 403 +"),
                json("POST /api/v1/sms/invitations", "/api/v1/sms/invitations",
                        "401 401 401 401 +   403 403 403 403 403 403 403 403 403 403 403 +"),
                json("POST /api/v1/sms/replies", "/api/v1/sms/replies",
                        "401 401 401 401 +   403 403 403 403 403 403 403 403 403 403 403 +"),
                json("POST /api/v1/hotline/ratings", "/api/v1/hotline/ratings",
                        "401 401 401 401 +   403 403 403 403 403 403 403 403 403 403 403 +"),
                // a handler imports its own institution's forms (rows of other institutions are rejected by row)
                withBody("POST /api/v1/paper-forms/import", "/api/v1/paper-forms/import", csv,
                        "formNo,caseNumber,level\n",
                        "401 401 401 401 +   +   +   403 403 403 403 403 403 403 403 403 +"),
                // a case: scoped to the handler's institution and the bureau's region
                get("GET /api/v1/cases/{caseNumber}", "/api/v1/cases/" + caseNumber,
                        "401 401 401 401 200 200 404 403 403 200 404 403 200 403 403 403 200"),
                // R6.1: the evaluator's contact, only for roles that call back, in scope
                get("GET /api/v1/cases/{caseNumber}/evaluator-contact",
                        "/api/v1/cases/" + caseNumber + "/evaluator-contact?purpose=CALLBACK",
                        "401 401 401 401 403 200 404 403 403 200 404 403 403 403 403 403 200"),
                // the directory: written by admins, read by every role (reference data, no personal data)
                json("POST /api/v1/directory/entries", "/api/v1/directory/entries",
                        "401 401 401 401 403 403 403 403 403 403 403 403 403 403 403 403 +"),
                json("POST /api/v1/directory/import", "/api/v1/directory/import",
                        "401 401 401 401 403 403 403 403 403 403 403 403 403 403 403 403 +"),
                get("GET /api/v1/directory/entries", "/api/v1/directory/entries?kind=INSTITUTION",
                        "401 401 401 401 200 200 200 200 200 200 200 200 200 200 200 200 200"),
                get("GET /api/v1/directory/entries/{kind}/{code}/versions",
                        "/api/v1/directory/entries/INSTITUTION/JL-CY-CENTRE/versions",
                        "401 401 401 401 200 200 200 200 200 200 200 200 200 200 200 200 200"),
                // public reference data
                get("GET /api/v1/policies/{regionCode}", "/api/v1/policies/220202",
                        "200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
                get("GET /api/v1/calendar", "/api/v1/calendar",
                        "200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
                withBody("PUT /api/v1/calendar/{year}", "/api/v1/calendar/2039", csv, "date,kind,name\n",
                        "401 401 401 401 403 403 403 403 403 403 403 403 403 403 403 403 +"),
                // the citizen's page: its link is the credential, a bearer token changes nothing
                get("GET /r/{token}", "/r/not-a-token",
                        "404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404"),
                withBody("POST /r/{token}", "/r/not-a-token", "application/x-www-form-urlencoded", "level=5",
                        "404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404"),
                // not a link of ours: said on the spot, like the page itself (no redirect built from what was typed)
                get("GET /r/{token}/thanks", "/r/not-a-token/thanks",
                        "404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404"),
                withBody("POST /r/{token}/follow-up", "/r/not-a-token/follow-up",
                        "application/x-www-form-urlencoded", "level=5",
                        "404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404"),
                // the messages to evaluators: operators only (no number is shown, but the texts are theirs)
                get("GET /api/v1/sms/messages", "/api/v1/sms/messages",
                        "401 401 401 401 403 403 403 403 403 403 403 403 403 403 403 403 200"),
                withBody("POST /api/v1/sms/messages/{messageId}/retry", "/api/v1/sms/messages/no-such/retry",
                        "application/json", "",
                        "401 401 401 401 403 403 403 403 403 403 403 403 403 403 403 403 404"));
        AccessMatrix.check(base, management, rows);
    }
}
