package org.hcp.sync.service;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.hcp.sync.service.FakeProvince;

/** Starts a fake provincial platform and points the push at it, with short retries so the test runs in seconds. */
public class FakeProvinceResource implements QuarkusTestResourceLifecycleManager {

    static FakeProvince province;

    @Override
    public Map<String, String> start() {
        province = new FakeProvince();
        return Map.of(
                "hcp.sync.push.enabled", "true",
                "hcp.sync.push.url", province.url(),
                "hcp.sync.push.province", ProvincePushTest.PROVINCE,
                "hcp.sync.push.signing-key", province.senderPrivateKey(),
                "hcp.sync.push.province-key", province.provinceKey(),
                "hcp.sync.push.batch-size", "50",
                "hcp.sync.push.max-attempts", "3",
                "hcp.sync.push.backoff", "PT0.2S",
                "hcp.sync.push.timeout", "PT1S",
                "hcp.sync.push.parked-retry", "PT1H");
    }

    @Override
    public void stop() {
        if (province != null) {
            province.close();
        }
    }
}
