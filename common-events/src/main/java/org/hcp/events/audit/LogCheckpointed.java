package org.hcp.events.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.hcp.events.EventPayload;

/**
 * LogCheckpointed v1: R5.3 — the notary's signed statement that the records of one topic-partition in
 * {@code [startOffset, endOffset)} are exactly those whose Merkle root (RFC 6962) is {@code root}, chained to the
 * partition's previous checkpoint. Keyed by {@code topic/partition} on {@code hcp.checkpoints}; reporting-service's
 * notary publishes it. Hashes and fingerprints only: nothing of any event's content.
 *
 * @param topic          the notarised topic
 * @param partition      its partition
 * @param sequence       0 for the partition's first checkpoint, then one more each time
 * @param startOffset    the first offset covered: the previous checkpoint's {@code endOffset}, or the first record's
 * @param endOffset      one past the last record covered
 * @param events         how many records are covered (equals the offset range unless the log has gaps)
 * @param root           the Merkle root (hex) over the records' leaf hashes ({@link LoggedRecord#leafHash()})
 * @param previous       the previous checkpoint's {@link #digest()} (hex); null for sequence 0
 * @param fingerprints   base64 of each covered record's {@link LoggedRecord#fingerprint() content fingerprint}, 8 bytes each, in
 *                       offset order: not a proof (the root is), but it lets the verifier say which offset changed
 * @param algorithm      {@code Ed25519} or {@code SM2} (SM3withSM2)
 * @param keyId          the signing key's id: SHA-256 (hex, first 16 bytes) of its X.509 public key
 * @param signature      base64 signature over {@link #signedText()}
 * @param checkpointedAt when the notary cut it
 */
public record LogCheckpointed(
        @JsonProperty(required = true) String topic,
        @JsonProperty(required = true) int partition,
        @JsonProperty(required = true) long sequence,
        @JsonProperty(required = true) long startOffset,
        @JsonProperty(required = true) long endOffset,
        @JsonProperty(required = true) int events,
        @JsonProperty(required = true) String root,
        String previous,
        @JsonProperty(required = true) String fingerprints,
        @JsonProperty(required = true) String algorithm,
        @JsonProperty(required = true) String keyId,
        @JsonProperty(required = true) String signature,
        @JsonProperty(required = true) Instant checkpointedAt) implements EventPayload {

    /** The key a checkpoint is published under, and the name of the chain it belongs to. */
    public static String chainOf(String topic, int partition) {
        return topic + "/" + partition;
    }

    /** What the signature covers: every field but the signature itself, the fingerprints by their SHA-256. */
    public String signedText() {
        String fingerprintsHash = HexFormat.of().formatHex(
                sha256(fingerprints.getBytes(StandardCharsets.US_ASCII)));
        return String.join("\n", "hcp-checkpoint/1", topic, Integer.toString(partition), Long.toString(sequence),
                Long.toString(startOffset), Long.toString(endOffset), Integer.toString(events), root,
                previous == null ? "-" : previous, fingerprintsHash, algorithm, keyId, checkpointedAt.toString());
    }

    /** The hash the next checkpoint chains to: SHA-256 (hex) of the signed text and the signature. */
    public String digest() {
        return HexFormat.of().formatHex(sha256(
                (signedText() + "\n" + signature).getBytes(StandardCharsets.UTF_8)));
    }

    /** This checkpoint with its signature set (a record is immutable; the signer makes the signed copy). */
    public LogCheckpointed withSignature(String signature) {
        return new LogCheckpointed(topic, partition, sequence, startOffset, endOffset, events, root, previous,
                fingerprints, algorithm, keyId, signature, checkpointedAt);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
