package org.hcp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.hcp.intake.rest.IntakeFixtures.ADMIN;
import static org.hcp.intake.rest.IntakeFixtures.CHANNEL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.time.Instant;
import org.hcp.testkit.LocalStackTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 25's findings against intake, each refused with problem+json and nothing written (docs/security.md, "Input
 * limits"). Every case here answered 500, or was silently accepted, before the kit's StrictJson and RequestGuard.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class HostileInputTest {

    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private static Response postCase(String json) {
        IntakeFixtures.demoDirectory();
        return IntakeFixtures.reportCase(json);
    }

    private static long caseRows(String caseNumber) throws Exception {
        return IntakeTestSupport.count("SELECT count(*) FROM service_case WHERE case_number = ?", caseNumber);
    }

    private static void problem(Response answer, int status) {
        answer.then().statusCode(status).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status));
    }

    @ParameterizedTest
    @ValueSource(strings = {"REPRO 1", "REPRO\\\"1", "REPRO<1", "REPRO\\\\1", "REPRO\\r\\n1", "REPRO\\u00001"})
    void aCaseNumberOutsideTheIdentifierSetIsRefusedBeforeAnythingIsCommitted(String caseNumber) throws Exception {
        String json = IntakeFixtures.instantCase(caseNumber, Instant.now().minusSeconds(60));
        Response answer = postCase(json);
        answer.then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.pointer", hasItem("/caseNumber"));
        assertEquals(0, caseRows(caseNumber.replace("\\\\", "\\")), "nothing committed");
    }

    @Test
    void aBatchIdOfTenKilobytesIsRefusedNotAnIndexError() throws Exception {
        String caseNumber = IntakeFixtures.newCaseNumber();
        String json = IntakeFixtures.caseJson(caseNumber, "INSTANT", "JL-CY-CENTRE", "JL-CY-W01", "JL-CY-S001",
                Instant.now().minusSeconds(60), "B".repeat(3_900), null, null);
        postCase(json).then().statusCode(422).body("errors.pointer", hasItem("/batchId"));
        assertEquals(0, caseRows(caseNumber));
    }

    @Test
    void aTextLongerThanAnyFieldTakesIsRefusedWithItsPointer() throws Exception {
        String caseNumber = IntakeFixtures.newCaseNumber();
        String json = IntakeFixtures.instantCase(caseNumber, Instant.now().minusSeconds(60))
                .replace("\"name\":\"张三\"", "\"name\":\"" + "长".repeat(5_000) + "\"");
        postCase(json).then().statusCode(422).body("errors.pointer", hasItem("/evaluator/name"))
                .body("errors.code", hasItem("field.tooLong"));
        assertEquals(0, caseRows(caseNumber));
    }

    @Test
    void aDuplicateKeyIsRefusedNotGuessed() throws Exception {
        String caseNumber = IntakeFixtures.newCaseNumber();
        String json = IntakeFixtures.instantCase(caseNumber, Instant.now().minusSeconds(60))
                .replace("\"caseKind\":\"INSTANT\"", "\"caseKind\":\"INSTANT\",\"caseKind\":\"COMMITTED\"");
        Response answer = postCase(json);
        problem(answer, 400);
        answer.then().body("errors.code", hasItem("json.duplicateKey"));
        assertEquals(0, caseRows(caseNumber));
    }

    @Test
    void scalarsAreNotCoerced() {
        String caseNumber = IntakeFixtures.reportInstantCase();
        String base = """
                {"caseNumber":"%s","channel":"WINDOW_DEVICE","level":%s,"text":%s}""";
        // "level": "5" is text, 1.5 is not a whole level, 12345 is not text.
        for (String[] bad : new String[][] {{"\"5\"", "\"ok\""}, {"1.5", "\"ok\""}, {"5", "12345"}}) {
            Response answer = given().auth().oauth2(CHANNEL).contentType("application/json")
                    .body(base.formatted(caseNumber, bad[0], bad[1])).post("/api/v1/ratings");
            problem(answer, 400);
        }
    }

    @Test
    void datesOutsideTheSupportedYearsAreRefused() throws Exception {
        for (String completedAt : new String[] {"+999999999-12-31T00:00:00Z", "0000-01-01T00:00:00Z",
                "1970-01-01T00:00:00Z"}) {
            String caseNumber = IntakeFixtures.newCaseNumber();
            String json = IntakeFixtures.instantCase(caseNumber, Instant.EPOCH)
                    .replace(Instant.EPOCH.toString(), completedAt);
            Response answer = postCase(json);
            answer.then().statusCode(lessThan(500));
            problem(answer, answer.statusCode());
            assertEquals(0, caseRows(caseNumber));
        }
    }

    @Test
    void aCompletionBeforeTheFirstPolicyIsAViolationNotA500() throws Exception {
        String caseNumber = IntakeFixtures.newCaseNumber();
        postCase(IntakeFixtures.instantCase(caseNumber, Instant.parse("2005-06-01T02:00:00Z")))
                .then().statusCode(422).body("errors.code", hasItem("case.beforePolicies"));
        assertEquals(0, caseRows(caseNumber));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/cases/a%00b", "/api/v1/ratings/a%0d%0aSet-Cookie:x",
            "/api/v1/directory/entries?kind=INSTITUTION&region=22%00"})
    void aControlCharacterInTheAddressIsRefused(String path) {
        problem(given().auth().oauth2(ADMIN).urlEncodingEnabled(false).get(path), 400);
    }

    @Test
    void aPageBeyondTheDeepestOffsetIsRefusedNotOverflowed() {
        Response answer = given().auth().oauth2(ADMIN).get("/api/v1/directory/entries?kind=INSTITUTION&page=2147483647");
        problem(answer, 422);
        answer.then().body("errors.code", hasItem("page.tooDeep"));
    }

    @Test
    void aBodyLargerThanItsEndpointReadsIs413ProblemJsonUnread() {
        String json = "{\"caseNumber\":\"" + "x".repeat(400_000) + "\"}";
        problem(given().auth().oauth2(CHANNEL).contentType("application/json").body(json).post("/api/v1/cases"), 413);
    }

    @Test
    void aPaperFormImportOverTwoMegabytesIsRefusedBeforeParsing() {
        String csv = "formNo,caseNumber\n" + "F1,C1\n".repeat(400_000);
        problem(given().auth().oauth2(IntakeFixtures.ADMIN).config(RAW).contentType("text/csv").body(csv)
                .post("/api/v1/paper-forms/import"), 413);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/r/a%5Cb/thanks", "/r/a%22b%3C/thanks", "/r/%E4%BD%A0/thanks"})
    void theRatingPageNeverBuildsARedirectFromWhatWasTyped(String path) {
        given().urlEncodingEnabled(false).redirects().follow(false).get(path).then().statusCode(lessThan(500));
    }

    @Test
    void aMalformedFormOnTheRatingPageIsNot500() {
        given().urlEncodingEnabled(false).redirects().follow(false).config(RAW)
                .contentType("application/x-www-form-urlencoded").body("level=%zz&text=%E4%")
                .post("/r/abc").then().statusCode(lessThan(500));
    }

    @Test
    void aNullAmongADimensionsTagsIsAViolationNotA500ToRetry() {
        String caseNumber = IntakeFixtures.reportInstantCase();
        given().auth().oauth2(CHANNEL).contentType("application/json").body("""
                {"caseNumber":"%s","channel":"WEBSITE","level":2,
                 "dimensions":[{"dimension":"BUSINESS","level":2,"tags":[null]}]}""".formatted(caseNumber))
                .post("/api/v1/ratings").then().statusCode(422).body("errors.pointer", hasItem("/dimensions/0/tags/0"));
    }

    @Test
    void aStaffOrPlatformThatContradictsTheCaseIsRefusedNotIgnored() throws Exception {
        String caseNumber = IntakeFixtures.reportInstantCase();
        for (String field : new String[] {"\"staffId\":\"TA-TS-S001\"", "\"platformCode\":\"TA-BIZ\""}) {
            given().auth().oauth2(CHANNEL).contentType("application/json")
                    .body("{\"caseNumber\":\"" + caseNumber + "\",\"channel\":\"WINDOW_DEVICE\",\"level\":5," + field + "}")
                    .post("/api/v1/ratings").then().statusCode(422).body("errors.code", hasItem("rating.notAsReported"));
        }
        assertEquals(0, IntakeTestSupport.ratingRows(caseNumber));
    }

    @Test
    void aRatingLinkCarriesNoVisitTheCaseDoesNotHave() {
        String caseNumber = IntakeFixtures.reportInstantCase();
        for (String visitId : new String[] {"V".repeat(3_000), "NO-SUCH-VISIT"}) {
            given().auth().oauth2(CHANNEL).contentType("application/json")
                    .body("{\"caseNumber\":\"" + caseNumber + "\",\"channel\":\"QR_CODE\",\"visitId\":\"" + visitId + "\"}")
                    .post("/api/v1/rating-links").then().statusCode(422).body("errors.pointer", hasItem("/visitId"));
        }
    }

    @Test
    void aDirectoryImportWithANulOrAnOversizedAttributeIsRefusedByLineAndNothingIsRecorded() {
        String header = "kind,code,name,regionCode,institutionCode,attributes,active\n";
        given().auth().oauth2(ADMIN).config(RAW).contentType("text/csv; charset=UTF-8")
                .body(header + "INSTITUTION,HOSTILE-1,中心\u0000,220202,,,true\n").post("/api/v1/directory/import")
                .then().statusCode(422).body("errors.pointer", hasItem("/line/2"));
        given().auth().oauth2(ADMIN).config(RAW).contentType("text/csv; charset=UTF-8")
                .body(header + "INSTITUTION,HOSTILE-2,中心,220202,,note=" + "x".repeat(3_000) + ",true\n")
                .post("/api/v1/directory/import").then().statusCode(422)
                .body("errors.pointer", hasItem("/entries/0/attributes/note"));
        given().auth().oauth2(ADMIN).get("/api/v1/directory/entries/INSTITUTION/HOSTILE-2/versions").then()
                .statusCode(404);
    }

    @Test
    void aPaperFormImportOfMoreRowsThanItTakesIsRefusedAtTheLimit() {
        String csv = "formNo,caseNumber,level\n" + "F1,NO-SUCH-CASE,5\n".repeat(5_001);
        given().auth().oauth2(ADMIN).config(RAW).contentType("text/csv").body(csv).post("/api/v1/paper-forms/import")
                .then().statusCode(422).body("errors.code", hasItem("paper.rows"));
    }
}
