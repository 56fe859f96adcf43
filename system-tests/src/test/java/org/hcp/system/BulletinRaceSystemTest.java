package org.hcp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hcp.audit.BulletinAudits.BulletinAudit;
import org.hcp.audit.tool.AuditQueries;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * R4.3, issue 26: bulletins published while bad reviews stream in, each one raced against rectifications still on
 * their way from rectification-service, must equal {@code ./hcp audit bulletins} exactly. The packaged
 * rectification-service (its outbox relay publishing watermarks) and reporting-service (cutting each bulletin off at
 * that watermark), on real Kafka and PostgreSQL; the race is run once per institution, twelve times, and once
 * across a rectification-service that stood still and catches up.
 */
class BulletinRaceSystemTest {

    private static final String ADMIN = DevTokens.mint("admin", null, Duration.ofHours(1));
    // 南宁市江南区: no other test rates there.
    private static final String COUNTY = "450105";
    private static final int RACES = 12;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static ServiceProcess rectification;
    private static ServiceProcess reporting;

    @BeforeAll
    static void start() {
        LocalStack stack = LocalStack.shared();
        // A short lag keeps the test short: the cut-off trails the stream by about two seconds, not a minute.
        rectification = new ServiceProcess("rectification-service", "rectification", stack)
                .with("HCP_OUTBOX_WATERMARK_LAG", "2s").launch();
        // The test writes the ratings itself, each acknowledged before the next: only rectification's are on their way.
        reporting = new ServiceProcess("reporting-service", "reporting", stack)
                .with("HCP_BULLETIN_SOURCES", "rectification-service").launch();
        rectification.awaitReady(Duration.ofSeconds(180));
        reporting.awaitReady(Duration.ofSeconds(180));
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess service : new ServiceProcess[] {reporting, rectification}) {
            if (service != null) {
                service.stop();
            }
        }
    }

    @Test
    void r4_3_bulletinsPublishedDuringAStreamOfBadReviewsEqualTheAuditOfTheirInstant() throws Exception {
        YearMonth month = YearMonth.now(CHINA).minusMonths(1);
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<String> institutions = new ArrayList<>();
        for (int k = 0; k < RACES; k++) {
            institutions.add("RACE-" + suffix + "-" + k);
        }
        // Given a stream of last month's bad reviews (a late paper form, a 12345 call), round the institutions.
        AtomicBoolean streaming = new AtomicBoolean(true);
        AtomicInteger streamed = new AtomicInteger();
        Thread stream = new Thread(() -> {
            while (streaming.get()) {
                int i = streamed.getAndIncrement();
                TestEvents.publish(TestEvents.rating(COUNTY, institutions.get(i % RACES), 1 + i % 2,
                        month.atDay(1 + i % 27).atTime(LocalTime.of(10, 0)).atZone(CHINA).toInstant()));
            }
        }, "bad-review-stream");
        stream.start();
        try {
            // When each institution's bulletin is published while the stream goes on; halfway, rectification-service
            // stands still for five seconds (longer than its watermark's lag) and then catches up on the ratings it
            // missed, while publications wait for its watermark.
            for (int k = 0; k < RACES; k++) {
                if (k == RACES / 2) {
                    rectification.signal("STOP");
                    Thread.sleep(5000);
                    rectification.signal("CONT");
                }
                publishWhenItCan(month, institutions.get(k));
                Thread.sleep(300);
            }
        } finally {
            streaming.set(false);
            stream.join();
        }

        // Then each one is what the log held at its cut-off, exactly.
        List<BulletinAudit> audits = new AuditQueries(LocalStack.shared().kafka().bootstrapServers())
                .bulletins(month.toString(), COUNTY).stream()
                .filter(a -> a.bulletinId().contains("RACE-" + suffix)).toList();
        assertEquals(RACES, audits.size(), "bulletins audited");
        for (BulletinAudit audit : audits) {
            assertTrue(audit.compared() > 5, audit.bulletinId() + ": figures compared " + audit.compared());
            assertEquals(List.of(), audit.asPublished(), audit.bulletinId() + " differs from the log as of "
                    + audit.publishedAt());
        }
        // And the races were real: the stream ran through them, so every month's figures have moved since.
        long raced = audits.stream().filter(a -> a.errata().stream()
                .anyMatch(d -> d.figure().equals("rectifications"))).count();
        assertTrue(raced >= RACES / 2, raced + " of " + RACES + " bulletins saw rectifications recorded after them ("
                + streamed.get() + " bad reviews streamed)");
    }

    /** Publishes an institution's bulletin once its ratings are counted and the watermark has passed the month. */
    private static void publishWhenItCan(YearMonth month, String institution) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            HttpResponse<String> answer = reporting.call(ADMIN, "POST", "/api/v1/bulletins",
                    "{\"month\":\"" + month + "\",\"scope\":\"INSTITUTION\",\"code\":\"" + institution + "\"}");
            if (answer.statusCode() == 201) {
                return;
            }
            // 422 until reporting has counted the institution's first rating; 409 until a watermark covers the month
            // and the institution's first rating.
            if (answer.statusCode() != 422 && answer.statusCode() != 409 || System.nanoTime() > deadline) {
                throw new AssertionError(institution + ": " + answer.statusCode() + " " + answer.body());
            }
            Thread.sleep(250);
        }
    }
}
