package org.hcp.sync.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hcp.events.CaseKind;
import org.hcp.events.Channel;
import org.hcp.events.EvaluatorType;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingSubmitted;
import org.hcp.sync.province.ProvinceProfile.AppStatus;
import org.hcp.sync.province.ProvinceProfile.DefaultRating;
import org.junit.jupiter.api.Test;

/** R5.4 / R5.5: our ratings as the province's records, under every shipped profile. */
class ProvinceRecordsTest {

    private static final ProvinceProfile STANDARD = ProvinceProfiles.get("standard");
    private static final Instant RATED = Instant.parse("2025-10-31T06:30:05Z");

    private static RatingSubmitted rating(Channel channel, int level, RatingOrigin origin) {
        return new RatingSubmitted("r-1", "C-2025-0001", CaseKind.PROMISED, "ITEM-9", "G-220202-C", null, null, null,
                "220202", channel, channel.nationalPf(), level, level <= 2 ? List.of("SLOW", "ATTITUDE") : List.of(),
                "态度很好", null, EvaluatorType.ENTERPRISE, "p-secret-pseudonym", origin, 1, RATED,
                Instant.parse("2025-10-30T02:00:00Z"), null, null, null, null, null);
    }

    @Test
    void r5_4_r5_5_levelFiveIsSatisfactionFiveAndGbtCodeOne() {
        Map<String, Object> record = ProvinceRecords.rating(rating(Channel.WEBSITE, 5, RatingOrigin.EVALUATOR),
                STANDARD);

        assertEquals(5, record.get("satisfaction"), "R5.5: 5 = 非常满意");
        assertEquals(1, record.get("satisfactionCode"), "R5.4 appendix A.8: 1 = 非常满意");
        for (int level = 1; level <= 5; level++) {
            Map<String, Object> r = ProvinceRecords.rating(rating(Channel.WEBSITE, level, RatingOrigin.EVALUATOR),
                    STANDARD);
            assertEquals(level, r.get("satisfaction"));
            assertEquals(6 - level, r.get("satisfactionCode"));
        }
    }

    @Test
    void r5_5_theRecordCarriesTheInterfacesFieldsAndNoEvaluatorIdentity() {
        Map<String, Object> record = ProvinceRecords.rating(rating(Channel.QR_CODE, 2, RatingOrigin.EVALUATOR),
                STANDARD);

        assertEquals("C-2025-0001", record.get("projectNo"));
        assertEquals("ITEM-9", record.get("taskCode"));
        assertEquals("220202000000", record.get("areaCode"), "12 digits");
        assertEquals(3, record.get("pf"));
        assertEquals("SLOW,ATTITUDE", record.get("evalDetail"));
        assertEquals("20251031T143005", record.get("assessTime"), "R5.4 YYYYMMDDThhmmss, China time");
        assertEquals(1, record.get("assessNumber"));
        assertEquals(2, record.get("userProp"), "enterprise");
        assertFalse(record.containsValue("p-secret-pseudonym"));
        assertFalse(record.containsKey("userName") || record.containsKey("mobile"));

        Map<String, Object> kase = ProvinceRecords.caseOf(rating(Channel.QR_CODE, 2, RatingOrigin.EVALUATOR));
        assertEquals(3, kase.get("proStatus"), "completed");
        assertEquals(2, kase.get("caseKind"), "承诺件");
        assertEquals("20251030T100000", kase.get("resultDate"));
    }

    @Test
    void r1_9_aDefaultRatingIsDistinguishableUnderEveryShippedProfile() {
        for (ProvinceProfile profile : ProvinceProfiles.shipped().values()) {
            Map<String, Object> byTheSystem = ProvinceRecords.rating(
                    rating(Channel.SYSTEM_DEFAULT, 3, RatingOrigin.DEFAULT_RATING), profile);
            assertTrue(ProvinceRecords.isDefaultRating(byTheSystem, profile), profile.id());
            for (Channel channel : Channel.evaluatorChannels()) {
                Map<String, Object> byAPerson = ProvinceRecords.rating(
                        rating(channel, 3, RatingOrigin.EVALUATOR), profile);
                assertFalse(ProvinceRecords.isDefaultRating(byAPerson, profile), profile.id() + " " + channel);
            }
        }
        assertEquals(2, ProvinceProfiles.shipped().size());
    }

    @Test
    void r5_5_theVariantProfileSendsSmsAsSixAndDefaultsAsSeven() {
        ProvinceProfile variant = ProvinceProfiles.get("sms6-default7");

        assertEquals(6, ProvinceRecords.rating(rating(Channel.SMS, 4, RatingOrigin.EVALUATOR), variant).get("pf"));
        assertEquals(7, ProvinceRecords.rating(rating(Channel.SYSTEM_DEFAULT, 3, RatingOrigin.DEFAULT_RATING),
                variant).get("pf"));
        assertEquals(7, ProvinceRecords.rating(rating(Channel.SMS, 4, RatingOrigin.EVALUATOR), STANDARD).get("pf"));
        assertEquals("1", ProvinceRecords.rating(rating(Channel.SYSTEM_DEFAULT, 3, RatingOrigin.DEFAULT_RATING),
                STANDARD).get("defaultEvaluation"), "standard marks the default it sends with the kiosk's pf 5");
    }

    @Test
    void r1_9_aProfileWhereADefaultWouldPassForAKioskRatingIsRefused() {
        Map<Channel, Integer> pf = ProvinceProfiles.get("standard").pf();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () ->
                new ProvinceProfile("bad", null, pf, new DefaultRating(5, null, null), new AppStatus("1", "0"),
                        null));
        assertTrue(refused.getMessage().contains("pf 5"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ProvinceProfile("partial", null,
                Map.of(Channel.WEBSITE, 1), new DefaultRating(7, null, null), new AppStatus("1", "0"), null));
    }

    @Test
    void aFollowUpRatingTravelsAsItsOwnRecordWhereTheProfileSaysSoNamingItsRating() {
        var followUp = new org.hcp.events.FollowUpRated("follow-up-r-1", "r-1", "r-1", "C-2025-0001", "ITEM-9",
                "G-220202-C", null, null, "220202", Channel.SMS, 4, "快多了", RATED);
        Map<String, Object> record = ProvinceRecords.followUp(followUp, STANDARD);
        assertEquals("follow-up-r-1", record.get("evaluateId"));
        assertEquals("r-1", record.get("originalEvaluateId"));
        assertEquals(3, record.get("assessNumber"), "1 and 2 are the first and the supplementary rating (R1.7)");
        assertEquals(4, record.get("satisfaction"));
        assertEquals(7, record.get("pf"));
        assertEquals(null, ProvinceProfiles.get("sms6-default7").followUpRating(), "that profile sends none");
    }

    @Test
    void r3_4_aRatingNotAdoptedTravelsAsItsOwnLaterRecord() {
        Map<String, Object> change = ProvinceRecords.statusChange("r-1", false, RATED, STANDARD);

        assertEquals(Map.of("evaluateId", "r-1", "appStatus", "0", "changeTime", "20251031T143005"), change);
    }
}
