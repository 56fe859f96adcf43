package org.hcp.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The platform's keys and signatures, in one place: {@code Ed25519} (the JDK's own) and {@code SM2} (SM3withSM2, the
 * national standard GB/T 32918, through BouncyCastle, as no JDK provides it). The audit checkpoints (R5.3) use either;
 * the province push (R5.5) uses SM2. Keys are PEM, or the PEM's base64 body: PKCS#8 private, X.509 public, as
 * {@code openssl genpkey -algorithm ed25519} or {@code -algorithm EC -pkeyopt ec_paramgen_curve:SM2} writes them.
 */
public final class Keys {

    public static final String ED25519 = "Ed25519";
    public static final String SM2 = "SM2";

    private Keys() {
    }

    public static PublicKey publicKey(String algorithm, String pem) {
        try {
            return keyFactory(algorithm).generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an " + algorithm + " public key (X.509 PEM): " + e.getMessage(), e);
        }
    }

    public static PrivateKey privateKey(String algorithm, String pem) {
        try {
            return keyFactory(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an " + algorithm + " private key (PKCS#8 PEM): " + e.getMessage(),
                    e);
        }
    }

    /** A PEM public key whose algorithm is not known beforehand (the verifier's {@code --public-key}). */
    public static String algorithmOf(String publicKeyPem) {
        for (String algorithm : new String[]{ED25519, SM2}) {
            try {
                publicKey(algorithm, publicKeyPem);
                return algorithm;
            } catch (IllegalArgumentException notThisOne) {
                // try the next scheme
            }
        }
        throw new IllegalArgumentException("the public key is neither Ed25519 nor SM2 (X.509 PEM expected)");
    }

    /** SHA-256 (hex, first 16 bytes) of the X.509 encoding: names the key in everything it signed. */
    public static String keyId(PublicKey key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** A fresh pair (tests, a development province): the same providers that read the PEM forms. */
    public static KeyPair newPair(String algorithm) {
        try {
            if (SM2.equals(algorithm)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
                generator.initialize(new ECGenParameterSpec("sm2p256v1"));
                return generator.generateKeyPair();
            }
            return KeyPairGenerator.getInstance(checked(algorithm)).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an " + algorithm + " key pair: " + e.getMessage(), e);
        }
    }

    /** The PEM text of a key (X.509 public or PKCS#8 private), as {@link #publicKey} and {@link #privateKey} read. */
    public static String pem(java.security.Key key) {
        String label = key instanceof PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END " + label + "-----\n";
    }

    public static byte[] sign(String algorithm, PrivateKey key, byte[] data) {
        try {
            Signature signature = signature(algorithm);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + algorithm + ": " + e.getMessage(), e);
        }
    }

    /** False for any signature that does not verify, including one that is not even well-formed. */
    public static boolean verify(String algorithm, PublicKey key, byte[] data, byte[] signed) {
        try {
            Signature signature = signature(algorithm);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signed);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Signature signature(String algorithm) throws GeneralSecurityException {
        return switch (checked(algorithm)) {
            case SM2 -> Signature.getInstance("SM3withSM2", BouncyCastle.PROVIDER);
            default -> Signature.getInstance("Ed25519");
        };
    }

    private static KeyFactory keyFactory(String algorithm) throws GeneralSecurityException {
        return switch (checked(algorithm)) {
            case SM2 -> KeyFactory.getInstance("EC", BouncyCastle.PROVIDER);
            default -> KeyFactory.getInstance("Ed25519");
        };
    }

    private static String checked(String algorithm) {
        if (!ED25519.equals(algorithm) && !SM2.equals(algorithm)) {
            throw new IllegalArgumentException("unknown signature algorithm " + algorithm + " (Ed25519 or SM2)");
        }
        return algorithm;
    }

    private static byte[] der(String pem, String label) {
        String body = pem.replace("-----BEGIN " + label + "-----", "")
                .replace("-----END " + label + "-----", "")
                .replaceAll("\\s", "");
        if (body.contains("-----")) {
            throw new IllegalArgumentException("expected a PEM block labelled " + label);
        }
        return Base64.getDecoder().decode(body.getBytes(StandardCharsets.US_ASCII));
    }
}
