package org.hcp.system;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.hcp.localstack.LocalStack;
import org.junit.jupiter.api.Test;

/**
 * A packaged service started with the prod profile and the committed development keys refuses to start, and says
 * which settings to replace (docs/architecture.md, "Production keys and a real identity provider").
 */
class ProductionSecretsSystemTest {

    @Test
    void givenTheProdProfileWithDevelopmentKeys_whenIntakeStarts_thenItRefusesAndNamesEachSetting() throws Exception {
        try (ServiceProcess intake = new ServiceProcess("intake-service", "intake", LocalStack.shared())
                .with("QUARKUS_PROFILE", "prod")
                .with("HCP_RATING_LINK_KEY", "a-production-secret-for-this-test")
                .launch()) {
            int exit = intake.awaitExit(Duration.ofSeconds(90));
            String log = intake.log();
            assertNotEquals(0, exit, "it must not run: " + log);
            assertTrue(log.contains("refusing to start with the prod profile"), log);
            assertTrue(log.contains("mp.jwt.verify.publickey.location is the committed development value"), log);
            assertTrue(log.contains("hcp.evaluator.pseudonym-key is the committed development value"), log);
            assertTrue(log.contains("hcp.evaluator.contact-master-key is the committed development value"), log);
            assertTrue(!log.contains("hcp.rating-link.key is the committed"), "a real key is not named: " + log);
        }
    }
}
