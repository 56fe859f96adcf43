package org.hcp.audit;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.hcp.events.audit.LogCheckpointed;

/**
 * The checkpoint chain of one topic-partition (R5.3), as a pure fold: records go in, in offset order; {@link #cut}
 * makes the next checkpoint over those since the last one; {@link #committed} moves the chain on once it is in the log.
 * Its state is the last checkpoint alone, so a notary that restarts reads its chain's head back from the log and
 * resumes at {@link #nextOffset()}: the checkpoint topic is its only memory.
 */
public final class PartitionNotary {

    private final String topic;
    private final int partition;
    private LogCheckpointed last;
    private final List<byte[]> leaves = new ArrayList<>();
    private final ByteArrayOutputStream fingerprints = new ByteArrayOutputStream();
    private long pendingStart = -1;
    private long pendingEnd = -1;

    /** @param last the partition's latest checkpoint in the log, or null when it has none yet */
    public PartitionNotary(String topic, int partition, LogCheckpointed last) {
        this.topic = topic;
        this.partition = partition;
        this.last = last;
    }

    /** The offset to read from: one past what the last checkpoint covers, or 0 for a new chain. */
    public long nextOffset() {
        return pendingEnd >= 0 ? pendingEnd : last == null ? 0 : last.endOffset();
    }

    /** Adds the partition's next record; one already covered (a re-read after a restart) is skipped. */
    public void add(LoggedRecord record) {
        if (!record.topic().equals(topic) || record.partition() != partition) {
            throw new IllegalArgumentException("record of " + record.topic() + "/" + record.partition()
                    + " given to the chain of " + topic + "/" + partition);
        }
        if (record.offset() < nextOffset()) {
            return;
        }
        if (leaves.isEmpty()) {
            pendingStart = last == null ? record.offset() : last.endOffset();
        }
        leaves.add(record.leafHash());
        fingerprints.writeBytes(record.fingerprint());
        pendingEnd = record.offset() + 1;
    }

    public int pending() {
        return leaves.size();
    }

    /** The next checkpoint, signed, over every record added since the last one; null when there is none. */
    public LogCheckpointed cut(Instant at, CheckpointSigner signer) {
        if (leaves.isEmpty()) {
            return null;
        }
        LogCheckpointed unsigned = new LogCheckpointed(topic, partition, last == null ? 0 : last.sequence() + 1,
                pendingStart, pendingEnd, leaves.size(), HexFormat.of().formatHex(MerkleTree.root(leaves)),
                last == null ? null : last.digest(), Base64.getEncoder().encodeToString(fingerprints.toByteArray()),
                signer.algorithm(), signer.keyId(), "", at);
        return signer.sign(unsigned);
    }

    /** The checkpoint {@link #cut} made is in the log: the chain goes on from it. */
    public void committed(LogCheckpointed checkpoint) {
        if (checkpoint.endOffset() != pendingEnd || checkpoint.events() != leaves.size()) {
            throw new IllegalStateException("checkpoint " + checkpoint.sequence() + " of " + topic + "/" + partition
                    + " does not cover what is pending");
        }
        last = checkpoint;
        leaves.clear();
        fingerprints.reset();
        pendingStart = -1;
        pendingEnd = -1;
    }

    public LogCheckpointed last() {
        return last;
    }
}
