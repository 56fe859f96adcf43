package org.hcp.kit.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * With the {@code prod} profile (a packaged service's default, and the container image's) a service refuses to
 * start while a secret is still the development value committed in this repository: anybody could mint tokens,
 * forge rating links or re-identify evaluators with it. {@code ./hcp up} and the system tests run with the
 * {@code local} profile instead. docs/architecture.md, "Production keys and a real identity provider".
 */
@Singleton
public class ProductionSecrets {

    /**
     * Each setting with its committed development value and the environment variable that replaces it; {@code onlyWhen}
     * names a boolean setting without which the secret is not used (null: always used).
     */
    record DevelopmentValue(String setting, String value, String variable, String onlyWhen) {

        DevelopmentValue(String setting, String value, String variable) {
            this(setting, value, variable, null);
        }
    }

    static final List<DevelopmentValue> DEVELOPMENT = List.of(
            new DevelopmentValue("mp.jwt.verify.publickey.location", "hcp-dev-jwt-public.pem",
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION (your identity provider's JWKS or public key)"),
            new DevelopmentValue("hcp.rating-link.key", "dev-only-rating-link-key-do-not-use-in-production",
                    "HCP_RATING_LINK_KEY"),
            new DevelopmentValue("hcp.evaluator.pseudonym-key", "dev-only-pseudonym-key-do-not-use-in-production",
                    "HCP_EVALUATOR_PSEUDONYM_KEY"),
            new DevelopmentValue("hcp.evaluator.contact-master-key", "ZGV2LW9ubHktY29udGFjdC1rZXktbm90LTQtcHJvZCE=",
                    "HCP_EVALUATOR_CONTACT_MASTER_KEY (32 random bytes, base64)"),
            new DevelopmentValue("hcp.audit.signing-key",
                    "MC4CAQAwBQYDK2VwBCIEIJx9azXAUGB3Q3PdLAfc+prTvjg2W5yps7Z54IcTgFrh",
                    "HCP_AUDIT_SIGNING_KEY and HCP_AUDIT_PUBLIC_KEY (docs/audit.md, \"Keys\")"),
            // the console's sign-in through the identity provider encrypts its PKCE state and session with it
            new DevelopmentValue("quarkus.oidc.staff.authentication.state-secret",
                    "dev-only-oidc-state-secret-change-me-0123456789",
                    "HCP_OIDC_STATE_SECRET (32 random characters or more)", "quarkus.oidc.staff.tenant-enabled"));

    void onStart(@Observes StartupEvent event) {
        List<String> profiles = ConfigUtils.getProfiles();
        var config = ConfigProvider.getConfig();
        refuseDevelopmentValues(profiles, setting -> config.getOptionalValue(setting, String.class));
    }

    /** Throws, naming every setting that still holds its development value, when {@code profiles} has prod. */
    static void refuseDevelopmentValues(List<String> profiles, Function<String, Optional<String>> config) {
        List<String> offending = developmentValuesInUse(profiles, config);
        if (!offending.isEmpty()) {
            throw new IllegalStateException("refusing to start with the prod profile: "
                    + String.join("; ", offending)
                    + ". Set your own values (docs/architecture.md, \"Production keys and a real identity provider\"),"
                    + " or run with QUARKUS_PROFILE=local on a development machine.");
        }
    }

    static List<String> developmentValuesInUse(List<String> profiles, Function<String, Optional<String>> config) {
        List<String> offending = new ArrayList<>();
        if (!profiles.contains("prod")) {
            return offending;
        }
        for (DevelopmentValue dev : DEVELOPMENT) {
            boolean used = dev.onlyWhen() == null
                    || config.apply(dev.onlyWhen()).map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
            if (used && config.apply(dev.setting()).map(v -> v.strip().equals(dev.value())).orElse(false)) {
                offending.add(dev.setting() + " is the committed development value: set " + dev.variable());
            }
        }
        return offending;
    }
}
