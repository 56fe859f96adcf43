package org.hcp.rectification.hotline;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hcp.testkit.FakeHotline;

/**
 * Starts the fake 12345 platform for a test class, subscribes it for Jilin City's Chuanying district, and gives that
 * district a policy that sends bad reviews to 12345 (a test policy, beside the shipped ones).
 */
public class FakeHotlineResource implements QuarkusTestResourceLifecycleManager {

    static volatile FakeHotline hotline;
    static final String REGION = "220204";

    @Override
    public Map<String, String> start() {
        hotline = new FakeHotline();
        try {
            Path dir = Files.createTempDirectory("hcp-hotline-test");
            Path subscribers = dir.resolve("subscribers.json");
            Files.writeString(subscribers, """
                    [{"id":"%s","regionPrefix":"%s","url":"%s","key":"%s"}]"""
                    .formatted(FakeHotline.ID, REGION, hotline.url(), hotline.keyBase64()));
            Path policies = Files.createDirectories(dir.resolve("policies"));
            Files.writeString(policies.resolve(REGION + "-test.json"), """
                    {"regionCode":"%s","effectiveFrom":"2019-01-01","name":"船营区（测试：差评转12345）",
                     "source":"a test policy","hotlineWorkOrders":true}""".formatted(REGION));
            return Map.of("hcp.hotline.subscribers-file", subscribers.toString(), "hcp.policies.dir",
                    policies.toString(), "hcp.hotline.interval", "PT1H", "hcp.hotline.backoff", "PT1S");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (hotline != null) {
            hotline.close();
        }
    }
}
