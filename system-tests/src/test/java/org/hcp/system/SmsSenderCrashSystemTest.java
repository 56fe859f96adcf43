package org.hcp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.hcp.localstack.DevSmsc;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/messages.md, "Sending: once, or parked": intake is killed (SIGKILL) while the SMSC holds its answer to a
 * submit, and started again. The message it was sending is parked for an operator, never sent a second time: the
 * SMSC received it exactly once. The sender then goes on with the next message.
 */
class SmsSenderCrashSystemTest {

    private static final String CHANNEL = DevTokens.mint("channel", null, Duration.ofHours(1));
    private static final String ADMIN = DevTokens.mint("admin", null, Duration.ofHours(1));
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static DevSmsc smsc;
    private static ServiceProcess intake;

    @BeforeAll
    static void start() throws Exception {
        smsc = DevSmsc.start();
        // Quiet hours long past, whatever the hour the test runs at, and a cap that does not bite.
        LocalTime to = Instant.now().minus(Duration.ofMinutes(5)).atZone(CHINA).toLocalTime();
        DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss");
        Path policies = Files.createDirectories(Files.createTempDirectory("hcp-sms-crash").resolve("policies"));
        Files.writeString(policies.resolve("220202-test.json"), """
                {"regionCode":"220202","effectiveFrom":"2019-01-01","name":"昌邑区（系统测试）","source":"a test policy",
                 "messaging":{"sends":["INVITATION"],"quietFrom":"%s","quietTo":"%s","dailyCapPerPhone":5}}"""
                .formatted(to.minusMinutes(30).format(hms), to.format(hms)));
        intake = new ServiceProcess("intake-service", "intake", LocalStack.shared())
                .with("HCP_POLICIES_DIR", policies.toString()).with("HCP_SMS_SMPP_HOST", "127.0.0.1")
                .with("HCP_SMS_SMPP_PORT", Integer.toString(smsc.port())).with("HCP_SMS_SENDER_INTERVAL", "PT1S")
                .with("HCP_SMS_SENDER_CLAIM", "PT3S").start();
        intake.importDemoDirectory();
    }

    @AfterAll
    static void stop() {
        if (intake != null) {
            intake.stop();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    @Test
    void aSenderKilledWhileSendingNeverSendsTheMessageTwice() throws Exception {
        String mobile = mobile();
        smsc.holdAnswers();
        String caseNumber = report(mobile);
        HeadlessChromium.until("the submit at the SMSC", () -> smsc.receivedBy(mobile).size() == 1);
        intake.signal("KILL");
        intake.awaitExit(Duration.ofSeconds(20));
        smsc.release();

        intake.start();
        HeadlessChromium.until("the half-sent message parked", () -> parked().contains("invitation:" + caseNumber));
        // With nothing to send, intake binds again by itself: an evaluator's reply must not wait for our next message.
        HeadlessChromium.until("intake bound again", () -> smsc.binds() == 2);
        String second = mobile();
        report(second);
        HeadlessChromium.until("the next message sent", () -> smsc.receivedBy(second).size() == 1);
        Thread.sleep(3_000);
        assertEquals(1, smsc.receivedBy(mobile).size(), "sent once, across the kill and the restart");
        assertTrue(parked().contains("the sender stopped while sending it"), parked());
    }

    private static String mobile() {
        return "136" + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
    }

    private static String report(String mobile) throws Exception {
        String caseNumber = "K" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        HttpResponse<String> reported = intake.call(CHANNEL, "POST", "/api/v1/cases", """
                {"caseNumber":"%s","caseKind":"INSTANT","itemCode":"ITEM-BIZ-LICENSE","institutionCode":"JL-CY-CENTRE",
                 "windowCode":"JL-CY-W01","completedAt":"%s",
                 "evaluator":{"type":"NATURAL_PERSON","id":"220102199001011234","name":"王五","mobile":"%s"}}"""
                .formatted(caseNumber, Instant.now().minusSeconds(60), mobile));
        assertEquals(202, reported.statusCode(), reported.body());
        return caseNumber;
    }

    private static String parked() {
        try {
            return intake.call(ADMIN, "GET", "/api/v1/sms/messages?status=PARKED&size=500", null).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
