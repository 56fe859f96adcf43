package org.hcp.reporting.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import org.hcp.events.EventJson;
import org.hcp.events.bulletin.BulletinPublished;
import org.junit.jupiter.api.Test;

/**
 * The bulletin's CSV, from a bulletin the service published over a generated history (test resources): a unit below
 * the policy's minimum sample is listed as 样本不足, never as a place (R4.4's fair ranking, docs/figures.md).
 */
class BulletinCsvTest {

    @Test
    void r4_4_aUnitWithTooFewRatingsIsListedAsSuchNotAsPlaceZero() throws IOException {
        ObjectNode tree;
        try (InputStream in = BulletinCsvTest.class.getResourceAsStream("/bulletins/2026-09-REGION-220200.json")) {
            tree = (ObjectNode) EventJson.mapper().readTree(in);
        }
        ObjectNode few = ((ArrayNode) tree.get("ranking")).addObject();
        few.put("rank", 0).put("unit", "G-220299-S").put("name", "吉林市样本中心").put("ratings", 3)
                .put("rawRate", 1.0).put("index", 0.0).put("lower", 0.0).put("upper", 0.0);
        BulletinPublished bulletin = EventJson.mapper().treeToValue(tree, BulletinPublished.class);

        String csv = BulletinDocuments.csv(bulletin);

        assertTrue(csv.contains("ranking,G-220299-S,\"样本不足 吉林市样本中心\",\"too few ratings\",\"raw 1.0 n=3\""),
                csv);
        assertTrue(csv.contains("ranking,G-220204-S,\"第1名 船营区便民服务站\",\"rank 1\",\"0.7772 [0.7658, 0.7882] raw"),
                csv);
        assertFalse(csv.contains("第0名") || csv.contains("rank 0"), csv);
    }
}
