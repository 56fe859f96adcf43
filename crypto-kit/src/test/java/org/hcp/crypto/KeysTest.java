package org.hcp.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;

/** The keys of the audit checkpoints (R5.3) and the province push (R5.5): read, named, signing and encrypting. */
class KeysTest {

    // Made with openssl for this test only (`openssl genpkey -algorithm ed25519`, and `EC` on curve SM2).
    static final String ED25519_PRIVATE = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIJEX1QI3BgmvhQEQjAOOUcLmQUscj30ar6IHZOpSHpHs
            -----END PRIVATE KEY-----
            """;
    static final String ED25519_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAvU7lP6SxRuARBSSo89PUffT3iqczKNytONf527nU/3k=
            -----END PUBLIC KEY-----
            """;
    static final String SM2_PRIVATE = """
            -----BEGIN PRIVATE KEY-----
            MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQgNEICj+k7zKHdMggr
            CWNONvQZzZOt7WLI9F2/iHsHmUuhRANCAARAteGES/rt87jasB+yZucwn366OMfR
            ughyyfgLQgORB8bxTIqlKL+gQBU6shtBfkdiMxVkz13Gy8L7n5MvNw92
            -----END PRIVATE KEY-----
            """;
    static final String SM2_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEQLXhhEv67fO42rAfsmbnMJ9+ujjH
            0boIcsn4C0IDkQfG8UyKpSi/oEAVOrIbQX5HYjMVZM9dxsvC+5+TLzcPdg==
            -----END PUBLIC KEY-----
            """;

    private static final byte[] TEXT = "checkpoint 7 of hcp.ratings/0".getBytes(StandardCharsets.UTF_8);

    @Test
    void opensslKeysOfBothSchemesSignAndVerifyAndAreRecognisedFromThePublicHalf() {
        for (String[] pair : new String[][]{{Keys.ED25519, ED25519_PRIVATE, ED25519_PUBLIC},
                {Keys.SM2, SM2_PRIVATE, SM2_PUBLIC}}) {
            PrivateKey secret = Keys.privateKey(pair[0], pair[1]);
            PublicKey known = Keys.publicKey(pair[0], pair[2]);
            byte[] signature = Keys.sign(pair[0], secret, TEXT);

            assertEquals(pair[0], Keys.algorithmOf(pair[2]));
            assertTrue(Keys.verify(pair[0], known, TEXT, signature), pair[0]);
            assertFalse(Keys.verify(pair[0], known, "checkpoint 8".getBytes(StandardCharsets.UTF_8), signature));
            assertFalse(Keys.verify(pair[0], known, TEXT, new byte[]{1, 2, 3}), "a malformed signature is false");
        }
    }

    @Test
    void theBase64BodyAloneIsAKeyAndItsIdNamesItStably() {
        String body = ED25519_PUBLIC.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);
        PublicKey key = Keys.publicKey(Keys.ED25519, body);

        assertEquals(Keys.keyId(Keys.publicKey(Keys.ED25519, ED25519_PUBLIC)), Keys.keyId(key));
        assertEquals(32, Keys.keyId(key).length());
        assertNotEquals(Keys.keyId(key), Keys.keyId(Keys.publicKey(Keys.SM2, SM2_PUBLIC)));
    }

    @Test
    void aKeyOfTheWrongSchemeOrNoKeyAtAllIsRefusedWithWhatWasExpected() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> Keys.publicKey(Keys.SM2, ED25519_PUBLIC));
        assertTrue(wrong.getMessage().contains("SM2 public key"), wrong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Keys.privateKey(Keys.ED25519, "not base64 at all!"));
        assertThrows(IllegalArgumentException.class, () -> Keys.publicKey(Keys.ED25519, ED25519_PRIVATE));
        assertThrows(IllegalArgumentException.class, () -> Keys.algorithmOf("MCowBQ=="));
        assertThrows(IllegalArgumentException.class, () -> Keys.publicKey("RSA", ED25519_PUBLIC));
    }

    @Test
    void aGeneratedPairWritesThePemItReads() {
        KeyPair pair = Keys.newPair(Keys.SM2);
        PublicKey read = Keys.publicKey(Keys.SM2, Keys.pem(pair.getPublic()));
        PrivateKey secret = Keys.privateKey(Keys.SM2, Keys.pem(pair.getPrivate()));

        assertTrue(Keys.verify(Keys.SM2, read, TEXT, Keys.sign(Keys.SM2, secret, TEXT)));
    }

    @Test
    void sm4AndSm2EncryptionOpenOnlyWithTheRightKey() {
        KeyPair province = Keys.newPair(Keys.SM2);
        byte[] sm4Key = Ciphers.randomBytes(16);
        byte[] iv = Ciphers.randomBytes(16);
        byte[] body = "{\"records\":[]} 好差评".getBytes(StandardCharsets.UTF_8);

        byte[] sealed = Ciphers.sm4Encrypt(sm4Key, iv, body);
        byte[] wrappedKey = Ciphers.sm2Encrypt(province.getPublic(), sm4Key);

        assertFalse(java.util.Arrays.equals(body, sealed));
        assertArrayEquals(body, Ciphers.sm4Decrypt(Ciphers.sm2Decrypt(province.getPrivate(), wrappedKey), iv, sealed));
        assertThrows(IllegalArgumentException.class,
                () -> Ciphers.sm2Decrypt(Keys.newPair(Keys.SM2).getPrivate(), wrappedKey), "another province's key");
    }
}
