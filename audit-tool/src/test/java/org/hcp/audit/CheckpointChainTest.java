package org.hcp.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hcp.audit.Finding.Kind;
import org.hcp.audit.PartitionVerifier.StoredCheckpoint;
import org.hcp.crypto.Keys;
import org.hcp.events.audit.LogCheckpointed;
import org.junit.jupiter.api.Test;

/**
 * R5.3, given-when-then: a partition checkpointed by the notary, then its log altered in each way an operator with
 * write access to the disks could, and the verifier naming the kind and the offset.
 */
class CheckpointChainTest {

    private static final String TOPIC = "hcp.ratings";
    private static final CheckpointSigner SIGNER =
            signer(Keys.ED25519);
    private static final Instant AT = Instant.parse("2025-10-31T16:00:00Z");

    /** Given 25 records checkpointed every 10: checkpoints over 0-9 and 10-19, 20-24 still pending. */
    private final List<LoggedRecord> log = records(25);
    private final List<StoredCheckpoint> chain = notarise(log, 10);

    @Test
    void anUntouchedLogVerifies() {
        PartitionVerifier.Result result = verify(log, chain);

        assertEquals(List.of(), result.findings());
        assertEquals(2, result.checkpoints());
        assertEquals(20, result.verified());
        assertEquals(5, result.uncovered(), "the pending five are not yet covered");
        assertEquals(chain.get(1).checkpoint(), result.head());
    }

    @Test
    void anAlteredRecordIsNamedByItsOffset() {
        List<LoggedRecord> altered = new ArrayList<>(log);
        altered.set(13, withValue(log.get(13), "{\"level\":5}"));

        assertEquals(List.of(finding(Kind.ALTERED, 13)), kindsAndOffsets(verify(altered, chain)));
    }

    @Test
    void aRemovedRecordIsNamedByItsOffset() {
        List<LoggedRecord> removed = new ArrayList<>(log);
        removed.remove(4);

        assertEquals(List.of(finding(Kind.REMOVED, 4)), kindsAndOffsets(verify(removed, chain)));
    }

    @Test
    void twoSwappedRecordsAreBothNamed() {
        List<LoggedRecord> swapped = new ArrayList<>(log);
        swapped.set(11, moved(log.get(12), 11));
        swapped.set(12, moved(log.get(11), 12));

        assertEquals(List.of(finding(Kind.REORDERED, 11), finding(Kind.REORDERED, 12)),
                kindsAndOffsets(verify(swapped, chain)));
    }

    @Test
    void anInsertedRecordIsNamedAndTheRecordsItPushedOnAreMoved() {
        List<LoggedRecord> inserted = new ArrayList<>();
        for (LoggedRecord r : log) {
            if (r.offset() < 5) {
                inserted.add(r);
            } else {
                if (r.offset() == 5) {
                    inserted.add(withValue(moved(r, 5), "{\"forged\":true}"));
                }
                inserted.add(moved(r, r.offset() + 1));
            }
        }

        List<String> found = kindsAndOffsets(verify(inserted, chain));
        assertTrue(found.contains(finding(Kind.INSERTED, 5)), found.toString());
        assertTrue(found.contains(finding(Kind.REORDERED, 6)), found.toString());
    }

    @Test
    void aForgedCheckpointIsCaughtByItsSignature() {
        List<StoredCheckpoint> forged = new ArrayList<>(chain);
        LogCheckpointed c = chain.get(0).checkpoint();
        forged.set(0, new StoredCheckpoint(new LogCheckpointed(c.topic(), c.partition(), c.sequence(),
                c.startOffset(), c.endOffset(), c.events(), "00".repeat(32), c.previous(), c.fingerprints(),
                c.algorithm(), c.keyId(), c.signature(), c.checkpointedAt()), 0));

        List<String> found = kindsAndOffsets(verify(log, forged));
        assertTrue(found.contains(Kind.BAD_SIGNATURE + "@0"), found.toString());
    }

    @Test
    void aRemovedCheckpointBreaksTheChain() {
        List<StoredCheckpoint> gap = List.of(chain.get(1));

        List<String> found = kindsAndOffsets(verify(log, gap));
        assertTrue(found.contains(Kind.BROKEN_CHAIN + "@1"), found.toString());
    }

    @Test
    void aRestartedNotaryContinuesTheSameChain() {
        // Given the notary stopped after its first checkpoint, when a new one starts from that checkpoint alone
        PartitionNotary first = new PartitionNotary(TOPIC, 0, null);
        log.subList(0, 10).forEach(first::add);
        LogCheckpointed c0 = first.cut(AT, SIGNER);
        first.committed(c0);
        PartitionNotary restarted = new PartitionNotary(TOPIC, 0, c0);

        // then it skips what is covered and cuts the same second checkpoint as a notary that never stopped
        assertEquals(10, restarted.nextOffset());
        log.subList(0, 20).forEach(restarted::add);
        assertEquals(10, restarted.pending());
        assertEquals(chain.get(1).checkpoint(), restarted.cut(AT, SIGNER));
    }

    @Test
    void nothingPendingCutsNothing() {
        assertNull(new PartitionNotary(TOPIC, 0, null).cut(AT, SIGNER));
    }

    @Test
    void sm2CheckpointsVerifyAndAreNamedByTheirKey() {
        CheckpointSigner sm2 = signer(Keys.SM2);
        PartitionNotary notary = new PartitionNotary(TOPIC, 0, null);
        log.subList(0, 10).forEach(notary::add);
        LogCheckpointed c = notary.cut(AT, sm2);

        assertEquals("SM2", c.algorithm());
        assertEquals(Keys.SM2, Keys.algorithmOf(Keys.pem(sm2.publicKey())));
        assertTrue(CheckpointSigner.verify(c, sm2.publicKey()));
        assertTrue(!CheckpointSigner.verify(c, SIGNER.publicKey()), "another key");
        assertEquals(List.of(), new PartitionVerifier(TOPIC, 0, List.of(new StoredCheckpoint(c, 0)), sm2.publicKey())
                .finish().findings().stream().filter(f -> f.kind() != Kind.REMOVED).toList());
    }

    // --- helpers

    /** A fresh pair as PEM, read back as the notary reads its configured keys (openssl's own: crypto-kit KeysTest). */
    private static CheckpointSigner signer(String algorithm) {
        java.security.KeyPair pair = Keys.newPair(algorithm);
        return new CheckpointSigner(algorithm, Keys.pem(pair.getPrivate()), Keys.pem(pair.getPublic()));
    }

    private static PartitionVerifier.Result verify(List<LoggedRecord> records, List<StoredCheckpoint> checkpoints) {
        PartitionVerifier verifier = new PartitionVerifier(TOPIC, 0, checkpoints, SIGNER.publicKey());
        records.forEach(verifier::accept);
        return verifier.finish();
    }

    private static List<StoredCheckpoint> notarise(List<LoggedRecord> records, int every) {
        PartitionNotary notary = new PartitionNotary(TOPIC, 0, null);
        List<StoredCheckpoint> stored = new ArrayList<>();
        for (LoggedRecord r : records) {
            notary.add(r);
            if (notary.pending() == every) {
                LogCheckpointed c = notary.cut(AT, SIGNER);
                notary.committed(c);
                stored.add(new StoredCheckpoint(c, stored.size()));
            }
        }
        return stored;
    }

    private static List<LoggedRecord> records(int n) {
        List<LoggedRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(new LoggedRecord(TOPIC, 0, i, 1_700_000_000_000L + i, ("rating-" + i).getBytes(
                    StandardCharsets.UTF_8), ("{\"level\":" + (1 + i % 5) + ",\"n\":" + i + "}").getBytes(
                    StandardCharsets.UTF_8), List.of(new LoggedRecord.Header("traceparent", new byte[]{1, 2}))));
        }
        return records;
    }

    private static LoggedRecord withValue(LoggedRecord r, String value) {
        return new LoggedRecord(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(),
                value.getBytes(StandardCharsets.UTF_8), r.headers());
    }

    private static LoggedRecord moved(LoggedRecord r, long offset) {
        return new LoggedRecord(r.topic(), r.partition(), offset, r.timestamp(), r.key(), r.value(), r.headers());
    }

    private static String finding(Kind kind, long offset) {
        return kind + "@" + offset;
    }

    private static List<String> kindsAndOffsets(PartitionVerifier.Result result) {
        return result.findings().stream().map(f -> finding(f.kind(), f.offset())).toList();
    }
}
