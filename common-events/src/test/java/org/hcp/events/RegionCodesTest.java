package org.hcp.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionCodesTest {

    @Test
    void r5_4_aRegionCodeHasSixNineOrTwelveDigits() {
        assertTrue(RegionCodes.isCode("220201"));
        assertTrue(RegionCodes.isCode("220201001"));
        assertTrue(RegionCodes.isCode("220201001002"));
        assertFalse(RegionCodes.isCode("2202"));
        assertFalse(RegionCodes.isCode("2202010012"));
        assertFalse(RegionCodes.isCode("22020a"));
        assertFalse(RegionCodes.isCode(null));
    }

    @Test
    void r4_2_aRollUpNamesAPrefixOfTwoToTwelveDigits() {
        assertTrue(RegionCodes.isPrefix("22"));
        assertTrue(RegionCodes.isPrefix("2202"));
        assertTrue(RegionCodes.isPrefix("220201001002"));
        assertFalse(RegionCodes.isPrefix("2"));
        assertFalse(RegionCodes.isPrefix("abc"));
        assertFalse(RegionCodes.isPrefix("2202010010021"));
    }

    @Test
    void r4_2_aPrefixStandsForTheDivisionItNames() {
        assertEquals("220000", RegionCodes.divisionOf("22"));
        assertEquals("220200", RegionCodes.divisionOf("2202"));
        assertEquals("220271", RegionCodes.divisionOf("220271"));
        assertEquals("220271", RegionCodes.divisionOf("2202710"));
        assertEquals("220271001", RegionCodes.divisionOf("2202710011"));
        assertEquals("220271001002", RegionCodes.divisionOf("220271001002"));
    }

    @Test
    void theHierarchyFollowsTheCode() {
        assertEquals(java.util.List.of("220271001002", "220271001", "220271", "220200", "220000"),
                RegionCodes.selfAndAncestors("220271001002"));
        assertEquals("370900", RegionCodes.parentOf("370902"));
        assertEquals(null, RegionCodes.parentOf("370000"));
    }

    @Test
    void r4_3_aDivisionsRollUpPrefixIsTheInverseOfDivisionOf() {
        assertEquals("22", RegionCodes.prefixOf("220000"));
        assertEquals("2202", RegionCodes.prefixOf("220200"));
        assertEquals("220271", RegionCodes.prefixOf("220271"));
        assertEquals("220271001", RegionCodes.prefixOf("220271001"));
        for (String code : java.util.List.of("220000", "220200", "220271", "220271001")) {
            assertEquals(code, RegionCodes.divisionOf(RegionCodes.prefixOf(code)));
        }
        assertEquals(true, RegionCodes.isCity("220200"));
        assertEquals(false, RegionCodes.isCity("220000"));
        assertEquals(false, RegionCodes.isCity("220271"));
    }
}
