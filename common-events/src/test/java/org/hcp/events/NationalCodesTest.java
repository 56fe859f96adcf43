package org.hcp.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NationalCodesTest {

    @Test
    void r5_4_gbt39046SatisfactionCodeRunsFromVerySatisfiedAtOne() {
        assertEquals(1, NationalCodes.gbt39046SatisfactionCode(5));
        assertEquals(3, NationalCodes.gbt39046SatisfactionCode(3));
        assertEquals(5, NationalCodes.gbt39046SatisfactionCode(1));
    }

    @Test
    void r5_5_pushSatisfactionRunsFromVeryDissatisfiedAtOne() {
        assertEquals(5, NationalCodes.pushSatisfaction(5));
        assertEquals(1, NationalCodes.pushSatisfaction(1));
        for (int level = 1; level <= 5; level++) {
            assertEquals(6, NationalCodes.pushSatisfaction(level) + NationalCodes.gbt39046SatisfactionCode(level),
                    "the two national codes are mirror images");
        }
    }

    @Test
    void r5_5_channelPfCodes() {
        assertEquals(1, Channel.WEBSITE.nationalPf());
        assertEquals(2, Channel.MOBILE_APP.nationalPf());
        assertEquals(3, Channel.QR_CODE.nationalPf());
        assertEquals(4, Channel.WINDOW_DEVICE.nationalPf());
        assertEquals(5, Channel.SELF_SERVICE_TERMINAL.nationalPf());
        assertEquals(6, Channel.HOTLINE_12345.nationalPf());
        assertEquals(7, Channel.SMS.nationalPf());
    }

    @Test
    void r1_8_everyChannelOfTheRuleIsKnownWithAPfCodeOfTheNationalRange() {
        // R1.8's list, in its order: device, QR, website, app, mini-program, kiosk, 12345, SMS, paper, callback,
        // suggestion box, leader mailbox, third-party assessment.
        assertEquals(13, Channel.evaluatorChannels().size());
        for (Channel channel : Channel.values()) {
            assertTrue(channel.nationalPf() >= 1 && channel.nationalPf() <= 7, channel + " pf " + channel.nationalPf());
            assertFalse(channel.chineseName().isBlank(), channel + " has a Chinese name");
        }
    }

    @Test
    void r1_1_levelsOneAndTwoAreBadReviews() {
        assertTrue(RatingLevel.isBad(1));
        assertTrue(RatingLevel.isBad(2));
        assertFalse(RatingLevel.isBad(3));
        assertFalse(RatingLevel.isBad(5));
        assertEquals("非常满意", RatingLevel.satisfactionLabel(5));
        assertEquals("很差", RatingLevel.qualityLabel(1));
        assertThrows(IllegalArgumentException.class, () -> RatingLevel.isBad(0));
        assertThrows(IllegalArgumentException.class, () -> NationalCodes.pushSatisfaction(6));
    }

    @Test
    void eventIdsAreTimeOrderedVersion7() throws InterruptedException {
        var first = EventIds.newTimeOrdered();
        Thread.sleep(2);
        var second = EventIds.newTimeOrdered();
        assertEquals(7, first.version());
        assertEquals(2, first.variant());
        assertTrue(first.toString().compareTo(second.toString()) < 0, first + " should sort before " + second);
    }
}
