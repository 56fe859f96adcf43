package org.hcp.intake.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.events.policy.PolicyBook;
import org.hcp.intake.domain.RatingLinkCode;
import org.hcp.intake.domain.SmsText;
import org.junit.jupiter.api.Test;

/** The SMS invitation (R1.8) costs one billed segment wherever the host's name leaves room for it. */
class SmsInvitationTextTest {

    static final JurisdictionPolicy JILIN = PolicyBook.shipped().resolve("220202", LocalDate.of(2026, 12, 1));
    static final String CODE = RatingLinkCode.of("0193a1b2-0000-7000-8000-000000000001", "k".getBytes());

    @Test
    void r1_8_theInvitationFitsOneSegmentBehindAShortHost() {
        String url = "https://hcp.jl.gov.cn/r/" + CODE;
        String text = SmsRatings.invitationText("sms.invitation", "不动产登记（转移登记）", "JL2026120400001", JILIN, url);
        assertEquals(1, SmsText.segments(text), text);
        assertTrue(text.length() <= SmsText.UCS2_SINGLE, text);
        assertTrue(text.endsWith(url), "the whole link is in the message: " + text);
    }

    @Test
    void r1_8_aHostTooLongForOneSegmentGetsTheFullWording() {
        String url = "https://zwfw.jilin-city.example.gov.cn/r/" + CODE;
        String text = SmsRatings.invitationText("sms.invitation", "不动产登记", "JL2026120400001", JILIN, url);
        assertTrue(text.contains("不动产登记") && text.contains("JL2026120400001") && text.contains(url), text);
        assertTrue(SmsText.segments(text) > 1, text);
    }

    @Test
    void segmentsCountUcs2AndGsmTextAsOperatorsBill() {
        assertEquals(1, SmsText.segments("a".repeat(160)));
        assertEquals(2, SmsText.segments("a".repeat(161)));
        assertEquals(1, SmsText.segments("好".repeat(70)));
        assertEquals(2, SmsText.segments("好".repeat(71)));
        assertEquals(3, SmsText.segments("好".repeat(135)));
        assertEquals(2, SmsText.segments("a".repeat(69) + "{}"), "an extension-table character goes as UCS-2");
    }
}
