package org.hcp.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/**
 * Encryption by the national standards, for the province push (R5.5): SM4 in CBC mode for the body, SM2
 * (GB/T 32918.4, C1C3C2) for the SM4 key. Every failure is an {@link IllegalArgumentException} naming what is wrong.
 */
public final class Ciphers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ciphers() {
    }

    /** {@code n} bytes from a strong random source (an SM4 key, an IV). */
    public static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public static byte[] sm4Encrypt(byte[] key, byte[] iv, byte[] plain) {
        return sm4(Cipher.ENCRYPT_MODE, key, iv, plain);
    }

    public static byte[] sm4Decrypt(byte[] key, byte[] iv, byte[] encrypted) {
        return sm4(Cipher.DECRYPT_MODE, key, iv, encrypted);
    }

    public static byte[] sm2Encrypt(PublicKey key, byte[] plain) {
        try {
            SM2Engine sm2 = new SM2Engine(SM2Engine.Mode.C1C3C2);
            sm2.init(true, new ParametersWithRandom(ECUtil.generatePublicKeyParameter(key), RANDOM));
            return sm2.processBlock(plain, 0, plain.length);
        } catch (GeneralSecurityException | InvalidCipherTextException e) {
            throw new IllegalArgumentException("cannot SM2-encrypt: " + e.getMessage(), e);
        }
    }

    public static byte[] sm2Decrypt(PrivateKey key, byte[] encrypted) {
        try {
            SM2Engine sm2 = new SM2Engine(SM2Engine.Mode.C1C3C2);
            sm2.init(false, ECUtil.generatePrivateKeyParameter(key));
            return sm2.processBlock(encrypted, 0, encrypted.length);
        } catch (GeneralSecurityException | InvalidCipherTextException e) {
            throw new IllegalArgumentException("cannot SM2-decrypt: " + e.getMessage(), e);
        }
    }

    private static byte[] sm4(int mode, byte[] key, byte[] iv, byte[] data) {
        try {
            Cipher sm4 = Cipher.getInstance("SM4/CBC/PKCS5Padding", BouncyCastle.PROVIDER);
            sm4.init(mode, new SecretKeySpec(key, "SM4"), new IvParameterSpec(iv));
            return sm4.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot SM4-" + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt")
                    + ": " + e.getMessage(), e);
        }
    }
}
