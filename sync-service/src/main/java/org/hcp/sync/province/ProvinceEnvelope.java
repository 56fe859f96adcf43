package org.hcp.sync.province;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import org.hcp.crypto.Ciphers;
import org.hcp.crypto.Keys;

/**
 * The push body (R5.5): {@code {"txnBodyCom":{appMark, time, batchId, key, iv, params, sign}}}. The batch's JSON is
 * encrypted with a fresh SM4 key (CBC), the key with the province's SM2 public key (GB/T 32918.4, C1C3C2), and the
 * whole signed with our SM2 key (SM3withSM2), so only the province reads it and it knows who sent it. The keys and
 * ciphers are crypto-kit's.
 */
public final class ProvinceEnvelope {

    private ProvinceEnvelope() {
    }

    /** What travels: each field a string, binary ones base64. */
    public record TxnBodyCom(
            @JsonProperty(required = true) String appMark,
            @JsonProperty(required = true) String time,
            @JsonProperty(required = true) String batchId,
            @JsonProperty(required = true) String key,
            @JsonProperty(required = true) String iv,
            @JsonProperty(required = true) String params,
            @JsonProperty(required = true) String sign) {

        String signedText() {
            return String.join("\n", appMark, time, batchId, key, iv, params);
        }
    }

    public record Body(@JsonProperty(required = true) TxnBodyCom txnBodyCom) {
    }

    /** Encrypts {@code paramsJson} for the province and signs it as us. */
    public static Body seal(String appMark, String time, String batchId, String paramsJson, PublicKey province,
            PrivateKey ours) {
        byte[] sm4Key = Ciphers.randomBytes(16);
        byte[] iv = Ciphers.randomBytes(16);
        byte[] params = Ciphers.sm4Encrypt(sm4Key, iv, paramsJson.getBytes(StandardCharsets.UTF_8));
        byte[] key = Ciphers.sm2Encrypt(province, sm4Key);
        Base64.Encoder b64 = Base64.getEncoder();
        TxnBodyCom unsigned = new TxnBodyCom(appMark, time, batchId, b64.encodeToString(key),
                b64.encodeToString(iv), b64.encodeToString(params), "");
        byte[] signature = Keys.sign(Keys.SM2, ours, unsigned.signedText().getBytes(StandardCharsets.UTF_8));
        return new Body(new TxnBodyCom(appMark, time, batchId, unsigned.key(), unsigned.iv(), unsigned.params(),
                b64.encodeToString(signature)));
    }

    /** The province's side: checks our signature, then decrypts; throws naming what is wrong. */
    public static String open(Body body, PublicKey sender, PrivateKey province) {
        TxnBodyCom txn = body.txnBodyCom();
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            if (!Keys.verify(Keys.SM2, sender, txn.signedText().getBytes(StandardCharsets.UTF_8),
                    b64.decode(txn.sign()))) {
                throw new IllegalArgumentException("the signature does not verify with the sender's key");
            }
            byte[] sm4Key = Ciphers.sm2Decrypt(province, b64.decode(txn.key()));
            return new String(Ciphers.sm4Decrypt(sm4Key, b64.decode(txn.iv()), b64.decode(txn.params())),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot open the push body: " + e.getMessage(), e);
        }
    }
}
