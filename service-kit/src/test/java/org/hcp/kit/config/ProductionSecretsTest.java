package org.hcp.kit.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The prod profile refuses the committed development secrets, each named; other profiles keep them. */
class ProductionSecretsTest {

    private static Map<String, String> allDevelopmentValues() {
        Map<String, String> config = new HashMap<>();
        ProductionSecrets.DEVELOPMENT.forEach(d -> {
            config.put(d.setting(), d.value());
            if (d.onlyWhen() != null) {
                config.put(d.onlyWhen(), "true");
            }
        });
        return config;
    }

    @Test
    void givenTheProdProfileAndASecretOfAFeatureThatIsOff_whenStarting_thenItIsAccepted() {
        // the console without an identity provider carries the default state secret, unused
        Map<String, String> config = new HashMap<>(Map.of("quarkus.oidc.staff.authentication.state-secret",
                "dev-only-oidc-state-secret-change-me-0123456789", "quarkus.oidc.staff.tenant-enabled", "false"));
        assertEquals(List.of(), ProductionSecrets.developmentValuesInUse(List.of("prod"),
                key -> Optional.ofNullable(config.get(key))));
        config.put("quarkus.oidc.staff.tenant-enabled", "true");
        List<String> offending = ProductionSecrets.developmentValuesInUse(List.of("prod"),
                key -> Optional.ofNullable(config.get(key)));
        assertEquals(1, offending.size(), offending.toString());
        assertTrue(offending.get(0).contains("HCP_OIDC_STATE_SECRET"), offending.toString());
    }

    @Test
    void givenTheProdProfileAndDevelopmentValues_whenStarting_thenEverySettingIsNamed() {
        Map<String, String> config = allDevelopmentValues();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ProductionSecrets
                .refuseDevelopmentValues(List.of("prod"), key -> Optional.ofNullable(config.get(key))));
        for (ProductionSecrets.DevelopmentValue dev : ProductionSecrets.DEVELOPMENT) {
            assertTrue(refused.getMessage().contains(dev.setting()), refused.getMessage());
        }
        assertTrue(refused.getMessage().contains("HCP_EVALUATOR_CONTACT_MASTER_KEY"), refused.getMessage());
    }

    @Test
    void givenTheProdProfileAndOwnKeysButOne_whenStarting_thenOnlyThatOneIsNamed() {
        Map<String, String> config = allDevelopmentValues();
        config.put("mp.jwt.verify.publickey.location", "https://idp.example.gov.cn/realms/hcp/certs");
        config.put("hcp.rating-link.key", "a-real-secret");
        config.remove("hcp.evaluator.pseudonym-key"); // a service that has no such setting
        config.put("hcp.audit.signing-key", "MC4CAQAwBQYDK2VwBCIEI-a-real-key");
        config.put("quarkus.oidc.staff.authentication.state-secret", "a-real-state-secret-of-32-characters");
        List<String> offending = ProductionSecrets.developmentValuesInUse(List.of("prod"),
                key -> Optional.ofNullable(config.get(key)));
        assertEquals(1, offending.size(), offending.toString());
        assertTrue(offending.get(0).startsWith("hcp.evaluator.contact-master-key"), offending.toString());
    }

    @Test
    void givenTheLocalOrTestProfile_whenStartingWithDevelopmentValues_thenTheyAreAccepted() {
        Map<String, String> config = allDevelopmentValues();
        assertDoesNotThrow(() -> ProductionSecrets.refuseDevelopmentValues(List.of("local"),
                key -> Optional.ofNullable(config.get(key))));
        assertDoesNotThrow(() -> ProductionSecrets.refuseDevelopmentValues(List.of("test"),
                key -> Optional.ofNullable(config.get(key))));
    }
}
