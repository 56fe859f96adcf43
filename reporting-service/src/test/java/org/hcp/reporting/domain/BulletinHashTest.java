package org.hcp.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.hcp.events.EventJson;
import org.hcp.events.bulletin.BulletinPublished;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * R4.3: a bulletin's content hash is computed over its frozen payload; bulletins published before issue 30 added
 * fields (issuer, comparisons, districts) still hash to what they published. The fixtures are payloads published by
 * the version before, byte for byte.
 */
class BulletinHashTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-10-REGION-220202-before-issue-30.json",
        "2026-10-INSTITUTION-G-220202-C-before-issue-30.json"})
    void r4_3_aBulletinPublishedBeforeTheNewFieldsHashesAsItDid(String fixture) throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/bulletins/" + fixture)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        BulletinPublished b = EventJson.mapper().readValue(json, BulletinPublished.class);
        assertEquals(b.contentHash(), Bulletins.hash(b));
        // and it is written back as it was read: no new field appears in an old bulletin
        assertEquals(json, EventJson.mapper().valueToTree(b).toString());
    }
}
