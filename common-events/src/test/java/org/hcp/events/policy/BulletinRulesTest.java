package org.hcp.events.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** R4.3: a bulletin's issuer and number come from the jurisdiction's policy data. */
class BulletinRulesTest {

    @Test
    void r4_3_aDistrictOfJilinCityIsIssuedByItsOwnBureauUnderTheCitysNumbering() {
        BulletinRules rules = PolicyBook.shipped().resolve("220202", LocalDate.of(2026, 11, 30)).bulletin();
        assertEquals("昌邑区政务服务和数字化建设管理局", rules.issuerOf("昌邑区"));
        assertEquals("吉市政数评〔2026〕11-3号", rules.numberOf(YearMonth.of(2026, 11), 3));
    }

    @Test
    void r4_3_everyJurisdictionHasItsRulesAndAMinimumSample() {
        for (String region : new String[] {"110101", "220271", "370902"}) {
            JurisdictionPolicy p = PolicyBook.shipped().resolve(region, LocalDate.of(2026, 11, 30));
            assertEquals(10, p.rankingMinimumRatings(), region);
            assertEquals(false, p.bulletin().numberOf(YearMonth.of(2026, 1), 1).contains("{"), region);
        }
        assertEquals("泰审批评〔2026〕1-2号", PolicyBook.shipped().resolve("370902", LocalDate.of(2026, 1, 31))
                .bulletin().numberOf(YearMonth.of(2026, 1), 2));
    }

    @Test
    void anUnknownTokenOrAnEmptyPatternIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BulletinRules("{region}局", "〔{yaer}〕{month}号"));
        assertThrows(IllegalArgumentException.class, () -> new BulletinRules(" ", "〔{year}〕{month}号"));
    }
}
