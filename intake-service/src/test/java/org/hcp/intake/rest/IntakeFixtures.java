package org.hcp.intake.rest;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.hcp.localstack.DevTokens;

/** The demo directory and reported cases the REST tests rate. */
final class IntakeFixtures {

    static final String ADMIN = DevTokens.mint("admin");
    static final String CHANNEL = DevTokens.mint("channel");
    private static volatile boolean directoryLoaded;

    private IntakeFixtures() {
    }

    /** Imports the demo directory once per test JVM (again is harmless: nothing changes). */
    static synchronized void demoDirectory() {
        if (directoryLoaded) {
            return;
        }
        String csv;
        try (InputStream in = IntakeFixtures.class.getResourceAsStream("/demo/directory.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        given().auth().oauth2(ADMIN).contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/directory/import")
                .then().statusCode(200);
        directoryLoaded = true;
    }

    static String newCaseNumber() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    static Response reportCase(String json) {
        return given().auth().oauth2(CHANNEL).contentType("application/json").body(json).post("/api/v1/cases");
    }

    /** A completed instant case at Jilin City's Changyi centre, with a real-name evaluator. */
    static String instantCase(String caseNumber, Instant completedAt) {
        return caseJson(caseNumber, "INSTANT", "JL-CY-CENTRE", "JL-CY-W01", "JL-CY-S001", completedAt, null, null,
                null);
    }

    static String caseJson(String caseNumber, String kind, String institution, String window, String staff,
            Instant completedAt, String batchId, String chainId, String visitsJson) {
        return """
                {"caseNumber":"%s","caseKind":"%s","itemCode":"ITEM-BIZ-LICENSE","institutionCode":"%s",
                 "windowCode":%s,"staffId":%s,"platformCode":"JL-BIZ","completedAt":"%s","batchId":%s,"chainId":%s,
                 "visits":%s,
                 "evaluator":{"type":"NATURAL_PERSON","id":"220102199001011234","name":"张三","mobile":"13800000000"}}"""
                .formatted(caseNumber, kind, institution, quoted(window), quoted(staff), completedAt, quoted(batchId),
                        quoted(chainId), visitsJson == null ? "[]" : visitsJson);
    }

    static String reportInstantCase() {
        demoDirectory();
        String caseNumber = newCaseNumber();
        reportCase(instantCase(caseNumber, Instant.now().minusSeconds(600))).then().statusCode(202);
        return caseNumber;
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
