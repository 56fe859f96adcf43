package org.hcp.audit;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import org.hcp.crypto.Keys;
import org.hcp.events.audit.LogCheckpointed;

/** The notary's signing key (R5.3): signs checkpoints, and checks at construction that its two halves belong together. */
public final class CheckpointSigner {

    private final String algorithm;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    public CheckpointSigner(String algorithm, String privateKeyPem, String publicKeyPem) {
        this.algorithm = algorithm;
        this.privateKey = Keys.privateKey(algorithm, privateKeyPem);
        this.publicKey = Keys.publicKey(algorithm, publicKeyPem);
        this.keyId = Keys.keyId(publicKey);
        byte[] probe = "hcp-checkpoint-key-probe".getBytes(StandardCharsets.US_ASCII);
        if (!Keys.verify(algorithm, publicKey, probe, Keys.sign(algorithm, privateKey, probe))) {
            throw new IllegalArgumentException("the checkpoint signing key and its public key do not belong together");
        }
    }

    public String algorithm() {
        return algorithm;
    }

    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The checkpoint with this key's algorithm, id and signature over its {@link LogCheckpointed#signedText()}. */
    public LogCheckpointed sign(LogCheckpointed unsigned) {
        LogCheckpointed named = new LogCheckpointed(unsigned.topic(), unsigned.partition(), unsigned.sequence(),
                unsigned.startOffset(), unsigned.endOffset(), unsigned.events(), unsigned.root(), unsigned.previous(),
                unsigned.fingerprints(), algorithm, keyId, "", unsigned.checkpointedAt());
        byte[] signature = Keys.sign(algorithm, privateKey,
                named.signedText().getBytes(StandardCharsets.UTF_8));
        return named.withSignature(Base64.getEncoder().encodeToString(signature));
    }

    /** Is this checkpoint signed by {@code key}, unaltered? */
    public static boolean verify(LogCheckpointed checkpoint, PublicKey key) {
        if (!Keys.keyId(key).equals(checkpoint.keyId())) {
            return false;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(checkpoint.signature());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return Keys.verify(checkpoint.algorithm(), key,
                checkpoint.signedText().getBytes(StandardCharsets.UTF_8), signature);
    }
}
