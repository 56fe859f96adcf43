package org.hcp.audit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hcp.audit.tool.LogVerification;
import org.hcp.crypto.Keys;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * R5.3: the running service's notary checkpoints what reaches the log, and the offline verifier, with nothing but the
 * public key the project ships for development, proves every record of it.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class LogNotaryTest {

    // 南宁市青秀区: no other test rates there.
    private static final String COUNTY = "450103";

    @Test
    void everyRecordPublishedIsCheckpointedAndVerifies() throws Exception {
        List<EventEnvelope<RatingSubmitted>> ratings = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            ratings.add(TestEvents.rating(COUNTY, "G-" + COUNTY + "-N", 1 + i % 5,
                    Instant.parse("2025-09-01T02:00:00Z").plusSeconds(i)));
        }
        TestEvents.publishAll(Topics.RATINGS, ratings);

        String pem = Files.readString(Path.of("../deploy/audit-dev-public.pem"));
        PublicKey key = Keys.publicKey(Keys.ED25519, pem);
        LogVerification verification = new LogVerification(LocalStack.shared().kafka().bootstrapServers(), key);
        LogVerification.Report report = verification.run();
        long deadline = System.currentTimeMillis() + 30_000;
        while (report.uncovered() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            report = verification.run();
        }

        assertEquals(List.of(), report.findings());
        assertEquals(0, report.uncovered(), "the notary checkpoints whatever is pending within its interval");
        assertTrue(report.verified() >= ratings.size(), "verified " + report.verified());
        long ratingChains = report.partitions().stream()
                .filter(p -> p.topic().equals(Topics.RATINGS) && p.checkpoints() > 0).count();
        assertTrue(ratingChains > 0, "the ratings' partitions have chains");
    }
}
