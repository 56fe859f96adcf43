package org.hcp.sync.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import org.hcp.crypto.Keys;
import org.hcp.sync.province.ProvinceEnvelope.Body;
import org.hcp.sync.province.ProvinceEnvelope.TxnBodyCom;
import org.junit.jupiter.api.Test;

/** R5.5: the push body is readable by the province alone, and only when we signed it, unaltered. */
class ProvinceEnvelopeTest {

    private static KeyPair sm2() throws Exception {
        return Keys.newPair(Keys.SM2);
    }

    @Test
    void theProvinceOpensWhatWeSealedAndNobodyElseReadsIt() throws Exception {
        KeyPair ours = sm2();
        KeyPair province = sm2();
        String params = "{\"evaluate\":[{\"evaluateId\":\"r-1\",\"satisfaction\":5,\"writingEvaluation\":\"很好\"}]}";

        Body body = ProvinceEnvelope.seal("HCP-22", "20251031T143005", "b-1", params, province.getPublic(),
                ours.getPrivate());

        assertFalse(body.txnBodyCom().params().contains("evaluate"), "the records travel encrypted");
        assertEquals(params, ProvinceEnvelope.open(body, ours.getPublic(), province.getPrivate()));
        assertThrows(IllegalArgumentException.class,
                () -> ProvinceEnvelope.open(body, ours.getPublic(), sm2().getPrivate()), "another province's key");
    }

    @Test
    void anAlteredOrForgedBodyIsRefused() throws Exception {
        KeyPair ours = sm2();
        KeyPair province = sm2();
        TxnBodyCom sealed = ProvinceEnvelope.seal("HCP-22", "20251031T143005", "b-1", "{}", province.getPublic(),
                ours.getPrivate()).txnBodyCom();
        Body otherBatch = new Body(new TxnBodyCom(sealed.appMark(), sealed.time(), "b-2", sealed.key(), sealed.iv(),
                sealed.params(), sealed.sign()));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ProvinceEnvelope.open(otherBatch, ours.getPublic(), province.getPrivate()));
        assertTrue(refused.getMessage().contains("signature"), refused.getMessage());
        Body forged = ProvinceEnvelope.seal("HCP-22", "20251031T143005", "b-1", "{}", province.getPublic(),
                sm2().getPrivate());
        assertThrows(IllegalArgumentException.class,
                () -> ProvinceEnvelope.open(forged, ours.getPublic(), province.getPrivate()));
    }
}
