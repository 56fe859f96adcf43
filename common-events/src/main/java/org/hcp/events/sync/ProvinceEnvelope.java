package org.hcp.events.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The push body (R5.5): {@code {"txnBodyCom":{appMark, time, batchId, key, iv, params, sign}}}. The batch's JSON is
 * encrypted with a fresh SM4 key (CBC), the key with the province's SM2 public key (GB/T 32918.4, C1C3C2), and the
 * whole signed with our SM2 key (SM3withSM2), so only the province reads it and it knows who sent it. BouncyCastle
 * does the cryptography: no JDK has SM2 or SM4.
 */
public final class ProvinceEnvelope {

    private static final BouncyCastleProvider BOUNCY_CASTLE = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

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
        try {
            byte[] sm4Key = new byte[16];
            byte[] iv = new byte[16];
            RANDOM.nextBytes(sm4Key);
            RANDOM.nextBytes(iv);
            Cipher sm4 = Cipher.getInstance("SM4/CBC/PKCS5Padding", BOUNCY_CASTLE);
            sm4.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sm4Key, "SM4"), new IvParameterSpec(iv));
            byte[] params = sm4.doFinal(paramsJson.getBytes(StandardCharsets.UTF_8));
            SM2Engine sm2 = new SM2Engine(SM2Engine.Mode.C1C3C2);
            sm2.init(true, new ParametersWithRandom(ECUtil.generatePublicKeyParameter(province), RANDOM));
            byte[] key = sm2.processBlock(sm4Key, 0, sm4Key.length);
            Base64.Encoder b64 = Base64.getEncoder();
            TxnBodyCom unsigned = new TxnBodyCom(appMark, time, batchId, b64.encodeToString(key),
                    b64.encodeToString(iv), b64.encodeToString(params), "");
            Signature signature = Signature.getInstance("SM3withSM2", BOUNCY_CASTLE);
            signature.initSign(ours);
            signature.update(unsigned.signedText().getBytes(StandardCharsets.UTF_8));
            return new Body(new TxnBodyCom(appMark, time, batchId, unsigned.key(), unsigned.iv(), unsigned.params(),
                    b64.encodeToString(signature.sign())));
        } catch (GeneralSecurityException | InvalidCipherTextException e) {
            throw new IllegalStateException("cannot seal the push body: " + e.getMessage(), e);
        }
    }

    /** The province's side: checks our signature, then decrypts; throws naming what is wrong. */
    public static String open(Body body, PublicKey sender, PrivateKey province) {
        TxnBodyCom txn = body.txnBodyCom();
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            Signature signature = Signature.getInstance("SM3withSM2", BOUNCY_CASTLE);
            signature.initVerify(sender);
            signature.update(txn.signedText().getBytes(StandardCharsets.UTF_8));
            if (!signature.verify(b64.decode(txn.sign()))) {
                throw new IllegalArgumentException("the signature does not verify with the sender's key");
            }
            SM2Engine sm2 = new SM2Engine(SM2Engine.Mode.C1C3C2);
            CipherParameters key = ECUtil.generatePrivateKeyParameter(province);
            sm2.init(false, key);
            byte[] encryptedKey = b64.decode(txn.key());
            byte[] sm4Key = sm2.processBlock(encryptedKey, 0, encryptedKey.length);
            Cipher sm4 = Cipher.getInstance("SM4/CBC/PKCS5Padding", BOUNCY_CASTLE);
            sm4.init(Cipher.DECRYPT_MODE, new SecretKeySpec(sm4Key, "SM4"), new IvParameterSpec(b64.decode(txn.iv())));
            return new String(sm4.doFinal(b64.decode(txn.params())), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | InvalidCipherTextException e) {
            throw new IllegalArgumentException("cannot open the push body: " + e.getMessage(), e);
        }
    }
}
