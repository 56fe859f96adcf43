package org.hcp.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hcp.events.Channel;
import org.hcp.events.DirectoryKind;
import org.junit.jupiter.api.Test;

/** R1.8's channel rules that need no database: link tokens, SMS replies, device registrations. */
class ChannelRulesTest {

    static final byte[] KEY = RatingLinkToken.keyBytes("test-key");
    static final List<String> CATALOGUE = List.of("ATTITUDE", "SLOW", "WAITING");

    @Test
    void r1_8_aLinkTokenNamesOneCaseAndIsRefusedWhenAlteredOrSignedWithAnotherKey() {
        var claims = new RatingLinkToken.Claims("L1", "JL2026112300001", null, Channel.QR_CODE, 1_800_000_000L);
        String token = RatingLinkToken.sign(claims, KEY);
        assertEquals(claims, RatingLinkToken.verify(token, KEY));
        assertEquals(Instant.ofEpochSecond(1_800_000_000L), RatingLinkToken.verify(token, KEY).expiresAt());

        String otherCase = RatingLinkToken.sign(new RatingLinkToken.Claims("L1", "JL2026112300002", null,
                Channel.QR_CODE, 1_800_000_000L), KEY);
        String forged = otherCase.substring(0, otherCase.indexOf('.')) + token.substring(token.indexOf('.'));
        assertNull(RatingLinkToken.verify(forged, KEY), "a case number swapped under the old signature");
        assertNull(RatingLinkToken.verify(token, RatingLinkToken.keyBytes("another-key")));
        assertNull(RatingLinkToken.verify("not-a-token", KEY));
        assertNull(RatingLinkToken.verify(token + "x", KEY));
        assertNull(RatingLinkToken.verify(null, KEY));
    }

    @Test
    void r1_8_aShortCodeIs128BitsOfTheKeyedLinkIdAndOnlyItsHashIsKept() {
        String code = RatingLinkCode.of("L1", KEY);
        assertEquals(RatingLinkCode.LENGTH, code.length());
        assertEquals(code, RatingLinkCode.of("L1", KEY), "derived again for a message, the same link");
        assertNotEquals(code, RatingLinkCode.of("L2", KEY));
        assertNotEquals(code, RatingLinkCode.of("L1", RatingLinkToken.keyBytes("another-key")));
        assertEquals(16, java.util.Base64.getUrlDecoder().decode(code).length, "128 bits");
        assertTrue(RatingLinkCode.isWellFormed(code));
        assertFalse(RatingLinkCode.isWellFormed(code + "x"));
        assertFalse(RatingLinkCode.isWellFormed(code.substring(1) + "."));
        assertFalse(RatingLinkCode.isWellFormed(null));
        assertEquals(64, RatingLinkCode.hash(code).length());
        assertFalse(RatingLinkCode.hash(code).contains(code));
    }

    @Test
    void r1_8_anSmsDigitRatesAndFullWidthDigitsCountToo() {
        assertEquals(new SmsReply.Parsed(SmsReply.Kind.RATING, 5, List.of(), null), SmsReply.parse(" 5 ", CATALOGUE));
        assertEquals(4, SmsReply.parse("４", CATALOGUE).level());
        assertEquals(SmsReply.Kind.RATING, SmsReply.parse("４", CATALOGUE).kind());
    }

    @Test
    void r1_3_aBadSmsDigitAsksForItsIndicatorsAndTakesThemByNumber() {
        assertEquals(SmsReply.Kind.NEEDS_TAGS, SmsReply.parse("2", CATALOGUE).kind());
        SmsReply.Parsed parsed = SmsReply.parse("２ １，３", CATALOGUE);
        assertEquals(SmsReply.Kind.RATING, parsed.kind());
        assertEquals(2, parsed.level());
        assertEquals(List.of("ATTITUDE", "WAITING"), parsed.tags());
        assertEquals(List.of("SLOW"), SmsReply.parse("1、2、2", CATALOGUE).tags());
    }

    @Test
    void r1_8_anythingElseIsNotUnderstood() {
        for (String reply : List.of("", "好", "满意", "6", "0", "21", "3 1", "2 4", "2 x", "five")) {
            assertEquals(SmsReply.Kind.NOT_UNDERSTOOD, SmsReply.parse(reply, CATALOGUE).kind(), reply);
        }
        assertEquals(SmsReply.Kind.NOT_UNDERSTOOD, SmsReply.parse(null, CATALOGUE).kind());
    }

    @Test
    void r1_8_aWindowPadSitsAtAWindowOfItsOwnInstitutionAndAKioskAtNone() {
        Map<String, DirectoryEntry> known = Map.of(
                "REGION:220202", new DirectoryEntry(DirectoryKind.REGION, "220202", 1, "昌邑区", "220202", null,
                        Map.of(), true),
                "INSTITUTION:C1", new DirectoryEntry(DirectoryKind.INSTITUTION, "C1", 1, "中心", "220202", null,
                        Map.of(), true),
                "INSTITUTION:C2", new DirectoryEntry(DirectoryKind.INSTITUTION, "C2", 1, "另一中心", "220202", null,
                        Map.of(), true),
                "WINDOW:W1", new DirectoryEntry(DirectoryKind.WINDOW, "W1", 1, "窗口1", "220202", "C1", Map.of(), true),
                "WINDOW:W9", new DirectoryEntry(DirectoryKind.WINDOW, "W9", 1, "窗口9", "220202", "C2", Map.of(), true));
        DirectoryEntry.Lookup lookup = (kind, code) -> known.get(kind + ":" + code);
        Instant now = Instant.parse("2026-11-23T01:00:00Z");

        assertTrue(DirectoryDecider.decide(List.of(device("PAD-1", "C1", Map.of("channel", "WINDOW_DEVICE",
                "windowCode", "W1")), device("KIOSK-1", "C1", Map.of("channel", "SELF_SERVICE_TERMINAL"))), lookup,
                now, "/entries").accepted());

        var otherWindow = DirectoryDecider.decide(List.of(device("PAD-2", "C1", Map.of("channel", "WINDOW_DEVICE",
                "windowCode", "W9"))), lookup, now, "");
        assertFalse(otherWindow.accepted());
        assertEquals("/attributes/windowCode", otherWindow.violations().get(0).pointer());

        var noChannel = DirectoryDecider.decide(List.of(device("PAD-3", "C1", Map.of())), lookup, now, "");
        assertEquals("/attributes/channel", noChannel.violations().get(0).pointer());

        var kioskAtWindow = DirectoryDecider.decide(List.of(device("KIOSK-2", "C1", Map.of("channel",
                "SELF_SERVICE_TERMINAL", "windowCode", "W1"))), lookup, now, "");
        assertFalse(kioskAtWindow.accepted());

        var noInstitution = DirectoryDecider.decide(List.of(device("PAD-4", null, Map.of("channel", "WINDOW_DEVICE",
                "windowCode", "W1"))), lookup, now, "");
        assertNotNull(noInstitution.violations().stream().filter(v -> v.pointer().equals("/institutionCode"))
                .findFirst().orElse(null));
    }

    private static DirectoryDecider.Registration device(String code, String institution, Map<String, String> attrs) {
        return new DirectoryDecider.Registration("DEVICE", code, "设备 " + code, null, institution, attrs, null);
    }
}
