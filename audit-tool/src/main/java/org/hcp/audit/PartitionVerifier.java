package org.hcp.audit;

import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hcp.audit.Finding.Kind;
import org.hcp.crypto.Keys;
import org.hcp.events.audit.LogCheckpointed;

/**
 * Checks one topic-partition against its checkpoint chain (R5.3), as the offline verifier and the tamper tests run
 * it: the chain first (signatures, sequence, links, contiguous ranges), then the records, fed in offset order, each
 * range's leaves against its checkpoint's root. Where a root does not match, the checkpoint's fingerprints name the
 * offsets: a record altered in place, moved, inserted or removed.
 */
public final class PartitionVerifier {

    /** A checkpoint and where it is itself stored, so a bad one can be pointed at. */
    public record StoredCheckpoint(LogCheckpointed checkpoint, long offset) {
    }

    private final String topic;
    private final int partition;
    private final List<StoredCheckpoint> chain;
    private final List<Finding> findings = new ArrayList<>();
    private int current;
    private final List<LoggedRecord> inRange = new ArrayList<>();
    private long verified;
    private long uncovered;

    /** @param chain the partition's checkpoints in the order they are stored */
    public PartitionVerifier(String topic, int partition, List<StoredCheckpoint> chain, PublicKey key) {
        this.topic = topic;
        this.partition = partition;
        this.chain = List.copyOf(chain);
        checkChain(key);
    }

    private void checkChain(PublicKey key) {
        LogCheckpointed previous = null;
        for (StoredCheckpoint stored : chain) {
            LogCheckpointed c = stored.checkpoint();
            if (!CheckpointSigner.verify(c, key)) {
                findings.add(new Finding(Kind.BAD_SIGNATURE, topic, partition, stored.offset(),
                        "checkpoint " + c.sequence() + " (hcp.checkpoints offset " + stored.offset()
                                + ") is not signed by key " + Keys.keyId(key)));
            }
            long expectedSequence = previous == null ? 0 : previous.sequence() + 1;
            String expectedLink = previous == null ? null : previous.digest();
            if (c.sequence() != expectedSequence) {
                findings.add(new Finding(Kind.BROKEN_CHAIN, topic, partition, stored.offset(),
                        "checkpoint " + c.sequence() + " where " + expectedSequence + " was due"));
            } else if (expectedLink != null && !expectedLink.equals(c.previous())) {
                findings.add(new Finding(Kind.BROKEN_CHAIN, topic, partition, stored.offset(),
                        "checkpoint " + c.sequence() + " is not chained to checkpoint " + previous.sequence()));
            } else if (previous != null && c.startOffset() != previous.endOffset()) {
                findings.add(new Finding(Kind.BROKEN_CHAIN, topic, partition, stored.offset(),
                        "checkpoint " + c.sequence() + " starts at " + c.startOffset() + ", not where checkpoint "
                                + previous.sequence() + " ended (" + previous.endOffset() + ")"));
            }
            previous = c;
        }
    }

    /** The partition's next record, in offset order. */
    public void accept(LoggedRecord record) {
        while (current < chain.size() && record.offset() >= chain.get(current).checkpoint().endOffset()) {
            closeRange();
        }
        if (current >= chain.size()) {
            uncovered++;
            return;
        }
        if (record.offset() < chain.get(current).checkpoint().startOffset()) {
            if (current == 0) {
                uncovered++;    // older than the chain: never checkpointed
            } else {
                inRange.add(record);   // in no range: the ranges are contiguous, so this is a stray; close shows it
            }
            return;
        }
        inRange.add(record);
    }

    /**
     * Records {@code from} to {@code to} (inclusive) are in the log but cannot be read (a corrupt batch): a finding
     * of their own; the checkpoint covering them then also misses them.
     */
    public void unreadable(long from, long to, String cause) {
        findings.add(new Finding(Finding.Kind.UNREADABLE, topic, partition, from,
                "offsets " + from + "-" + to + " cannot be read: " + cause));
    }

    /** Ends the partition: ranges with no record left are checked too (every record of them removed). */
    public Result finish() {
        while (current < chain.size()) {
            closeRange();
        }
        return new Result(topic, partition, chain.size(), verified, uncovered, List.copyOf(findings),
                chain.isEmpty() ? null : chain.get(chain.size() - 1).checkpoint());
    }

    /**
     * @param checkpoints how many checkpoints the chain has
     * @param verified    records proven by a checkpoint
     * @param uncovered   records after the last checkpoint (the notary has not reached them yet), or before the first
     * @param head        the chain's last checkpoint: an auditor notes its digest to detect a truncated chain later
     */
    public record Result(String topic, int partition, int checkpoints, long verified, long uncovered,
            List<Finding> findings, LogCheckpointed head) {
    }

    private void closeRange() {
        StoredCheckpoint stored = chain.get(current++);
        LogCheckpointed c = stored.checkpoint();
        List<byte[]> leaves = new ArrayList<>(inRange.size());
        for (LoggedRecord r : inRange) {
            leaves.add(r.leafHash());
        }
        boolean rootMatches = leaves.size() == c.events()
                && HexFormat.of().formatHex(MerkleTree.root(leaves)).equals(c.root());
        if (rootMatches) {
            verified += leaves.size();
        } else {
            int before = findings.size();
            locate(c);
            if (findings.size() == before) {
                findings.add(new Finding(Kind.ROOT_MISMATCH, topic, partition, -1,
                        "offsets " + c.startOffset() + "-" + (c.endOffset() - 1) + " do not hash to checkpoint "
                                + c.sequence() + "'s root"));
            }
        }
        inRange.clear();
    }

    /** Names the offsets that differ from the checkpoint's fingerprints (offsets map to them when contiguous). */
    private void locate(LogCheckpointed c) {
        byte[] listed = Base64.getDecoder().decode(c.fingerprints());
        int n = listed.length / LoggedRecord.FINGERPRINT_BYTES;
        boolean contiguous = n == c.endOffset() - c.startOffset();
        Map<ByteBuffer, Integer> expectedAt = new HashMap<>();
        for (int i = 0; i < n; i++) {
            expectedAt.putIfAbsent(fingerprintAt(listed, i), i);
        }
        // Each record's fingerprint once: a SHA-256 over its bytes, wanted again below for every altered candidate.
        List<ByteBuffer> actual = new ArrayList<>(inRange.size());
        for (LoggedRecord r : inRange) {
            actual.add(ByteBuffer.wrap(r.fingerprint()));
        }
        Set<ByteBuffer> present = new HashSet<>(actual);
        boolean[] seen = new boolean[n];
        for (int j = 0; j < inRange.size(); j++) {
            LoggedRecord r = inRange.get(j);
            int position = contiguous ? (int) (r.offset() - c.startOffset()) : j;
            Integer listedAt = expectedAt.get(actual.get(j));
            if (listedAt != null && listedAt == position) {
                seen[listedAt] = true;
            } else if (listedAt != null) {
                seen[listedAt] = true;
                findings.add(new Finding(Kind.REORDERED, topic, partition, r.offset(), "checkpoint " + c.sequence()
                        + " has this record at offset " + offsetOf(c, listedAt, contiguous)));
            } else if (position >= 0 && position < n && !present.contains(fingerprintAt(listed, position))) {
                seen[position] = true;
                findings.add(new Finding(Kind.ALTERED, topic, partition, r.offset(), "content differs from checkpoint "
                        + c.sequence()));
            } else {
                findings.add(new Finding(Kind.INSERTED, topic, partition, r.offset(), "no such record in checkpoint "
                        + c.sequence()));
            }
        }
        for (int i = 0; i < n; i++) {
            if (!seen[i]) {
                findings.add(new Finding(Kind.REMOVED, topic, partition, offsetOf(c, i, contiguous),
                        "checkpoint " + c.sequence() + " lists a record here that the log no longer has"));
            }
        }
    }

    private static ByteBuffer fingerprintAt(byte[] listed, int i) {
        int from = i * LoggedRecord.FINGERPRINT_BYTES;
        return ByteBuffer.wrap(Arrays.copyOfRange(listed, from, from + LoggedRecord.FINGERPRINT_BYTES));
    }

    private static long offsetOf(LogCheckpointed c, int index, boolean contiguous) {
        return contiguous ? c.startOffset() + index : -1;
    }
}
