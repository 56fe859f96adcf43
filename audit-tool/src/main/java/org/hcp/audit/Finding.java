package org.hcp.audit;

/**
 * One thing the verifier found wrong with the log (R5.3), at a place an operator can look up.
 *
 * @param offset the record's offset in {@code topic/partition}; for a checkpoint, its own offset in
 *               {@code hcp.checkpoints}; -1 when no single offset is to blame
 */
public record Finding(Kind kind, String topic, int partition, long offset, String detail) {

    public enum Kind {
        /** A record a checkpoint covers is not in the log any more. */
        REMOVED,
        /** A record's content differs from what was checkpointed at that offset. */
        ALTERED,
        /** A record is in the log at a place where the checkpoint had none, or had another. */
        INSERTED,
        /** A checkpointed record is in the log, but at another offset. */
        REORDERED,
        /** The records of a range do not hash to its checkpoint's root, where no single record could be named. */
        ROOT_MISMATCH,
        /** A checkpoint's signature does not verify with the public key: forged or altered. */
        BAD_SIGNATURE,
        /** The chain is broken: a checkpoint missing, out of sequence, or not chained to the one before. */
        BROKEN_CHAIN,
        /** A batch the broker holds cannot be read at all (its CRC or its structure is broken): the offsets named. */
        UNREADABLE
    }

    @Override
    public String toString() {
        return kind + " " + topic + "/" + partition + (offset >= 0 ? " offset " + offset : "") + ": " + detail;
    }
}
