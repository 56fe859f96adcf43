package org.hcp.console.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The identity provider's sign-in, configured but with nobody answering at the provider's address. */
@QuarkusTest
@TestProfile(ProviderDownTest.ProviderConfigured.class)
class ProviderDownTest {

    public static class ProviderConfigured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.staff.tenant-enabled", "true",
                    "quarkus.http.auth.permission.sign-in.enabled", "true",
                    "quarkus.oidc.staff.auth-server-url", "http://127.0.0.1:9/realms/hcp",
                    "quarkus.oidc.staff.connection-delay", "0S");
        }
    }

    @Test
    void aSignInWhileTheProviderIsDownIsA503ProblemInTheReadersLanguageNotABare500() {
        given().redirects().follow(false).get("/console/sign-in").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "30")
                .body("title", equalTo("统一身份认证服务暂未响应，请稍后重新登录"));
        given().header("Accept-Language", "en").redirects().follow(false).get("/console/sign-in").then()
                .statusCode(503).body("status", equalTo(503));
        given().get("/api/v1/console/sign-in-options").then().statusCode(200)
                .body("identityProvider", equalTo(true));
    }
}
