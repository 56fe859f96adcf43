package org.hcp.events.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The two signature schemes a checkpoint may carry (R5.3): {@code Ed25519} (the JDK's own) and {@code SM2} (SM3withSM2,
 * the national standard GB/T 32918, through BouncyCastle, as no JDK provides it). Keys are PEM: PKCS#8 private,
 * X.509 public, as {@code openssl genpkey -algorithm ed25519} or {@code -algorithm EC -pkeyopt
 * ec_paramgen_curve:SM2} writes them.
 */
public final class CheckpointKeys {

    public static final String ED25519 = "Ed25519";
    public static final String SM2 = "SM2";

    // One provider instance, passed to each call rather than installed JVM-wide: nothing else changes its crypto.
    private static final BouncyCastleProvider BOUNCY_CASTLE = new BouncyCastleProvider();

    private CheckpointKeys() {
    }

    public static PublicKey publicKey(String algorithm, String pem) {
        try {
            return keyFactory(algorithm).generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an " + algorithm + " public key (X.509 PEM): " + e.getMessage(), e);
        }
    }

    public static PrivateKey privateKey(String algorithm, String pem) {
        try {
            return keyFactory(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
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

    /** SHA-256 (hex, first 16 bytes) of the X.509 encoding: names the key in every checkpoint it signed. */
    public static String keyId(PublicKey key) {
        byte[] hash = MerkleTree.sha256().digest(key.getEncoded());
        return HexFormat.of().formatHex(hash, 0, 16);
    }

    static byte[] sign(String algorithm, PrivateKey key, byte[] data) {
        try {
            Signature signature = signature(algorithm);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + algorithm + ": " + e.getMessage(), e);
        }
    }

    static boolean verify(String algorithm, PublicKey key, byte[] data, byte[] signed) {
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
        return switch (algorithm) {
            case ED25519 -> Signature.getInstance("Ed25519");
            case SM2 -> Signature.getInstance("SM3withSM2", BOUNCY_CASTLE);
            default -> throw new IllegalArgumentException("unknown signature algorithm " + algorithm
                    + " (Ed25519 or SM2)");
        };
    }

    private static KeyFactory keyFactory(String algorithm) throws GeneralSecurityException {
        return switch (algorithm) {
            case ED25519 -> KeyFactory.getInstance("Ed25519");
            case SM2 -> KeyFactory.getInstance("EC", BOUNCY_CASTLE);
            default -> throw new IllegalArgumentException("unknown signature algorithm " + algorithm
                    + " (Ed25519 or SM2)");
        };
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
