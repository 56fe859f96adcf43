package org.hcp.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * One record as the log holds it, byte for byte: where it is (topic, partition, offset), its timestamp, key, value
 * and headers. Kafka-free, so the notary in reporting-service and the offline verifier hash exactly the same thing.
 *
 * @param key   null for a record without a key
 * @param value null for a tombstone (the platform writes none, but a forger might)
 */
public record LoggedRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
        List<Header> headers) {

    public LoggedRecord {
        headers = headers == null ? List.of() : List.copyOf(headers);
    }

    public record Header(String key, byte[] value) {
    }

    /**
     * The Merkle leaf hash of this record. Its place is part of it: moving an event to another offset, partition or
     * topic changes its hash, so a reordered or renumbered log does not verify.
     */
    public byte[] leafHash() {
        return MerkleTree.leafHash(canonicalBytes());
    }

    /**
     * The first {@value #FINGERPRINT_BYTES} bytes of SHA-256 over the record's content without its place: a checkpoint
     * lists them so the verifier can tell a record altered in place from one moved, removed or inserted.
     */
    public byte[] fingerprint() {
        return Arrays.copyOf(MerkleTree.sha256().digest(canonicalBytes(false)), FINGERPRINT_BYTES);
    }

    public static final int FINGERPRINT_BYTES = 8;

    byte[] canonicalBytes() {
        return canonicalBytes(true);
    }

    private byte[] canonicalBytes(boolean withPlace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + (value == null ? 0 : value.length));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (withPlace) {
                out.writeUTF(topic);
                out.writeInt(partition);
                out.writeLong(offset);
            }
            out.writeLong(timestamp);
            writeBytes(out, key);
            writeBytes(out, value);
            out.writeInt(headers.size());
            for (Header header : headers) {
                out.writeUTF(header.key());
                writeBytes(out, header.value());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeBytes(DataOutputStream out, byte[] data) throws IOException {
        if (data == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(data.length);
            out.write(data);
        }
    }
}
