package org.hcp.audit.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.FileLogInputStream.FileChannelRecordBatch;
import org.apache.kafka.common.record.FileRecords;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Crc32C;
import org.hcp.audit.CheckpointSigner;
import org.hcp.audit.Finding.Kind;
import org.hcp.audit.Finding;
import org.hcp.audit.PartitionNotary;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.events.Topics;
import org.hcp.events.audit.LogCheckpointed;
import org.hcp.localstack.KafkaBroker;
import org.hcp.localstack.LocalStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R5.3 on a real broker: thirty ratings checkpointed every ten, then the log altered the ways someone with access to
 * the broker's disks or its admin API could (a byte of a segment file changed and its CRC fixed up, records deleted,
 * a checkpoint forged), and {@code ./hcp audit verify}'s check naming each with its topic, partition and offset.
 */
class LogTamperingTest {

    private static final TopicPartition RATINGS = new TopicPartition(Topics.RATINGS, 0);

    @TempDir
    Path dir;
    private KafkaBroker kafka;
    private CheckpointSigner signer;

    @BeforeEach
    void givenThirtyRatingsCheckpointedEveryTen() throws Exception {
        kafka = new KafkaBroker(dir.resolve("kafka"), LocalStack.freePort(), LocalStack.freePort());
        kafka.start();
        kafka.createTopics(1, Topics.ALL);
        signer = newSigner();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int n = 0; n < 30; n++) {
                producer.send(new ProducerRecord<>(Topics.RATINGS, "rating-" + n,
                        "{\"n\":" + n + ",\"level\":" + (1 + n % 5) + "}")).get();
            }
            PartitionNotary chain = new PartitionNotary(Topics.RATINGS, 0, null);
            for (ConsumerRecord<byte[], byte[]> record : readAll(RATINGS)) {
                chain.add(LogReader.logged(record));
                if (chain.pending() == 10) {
                    LogCheckpointed checkpoint = chain.cut(Instant.parse("2025-10-31T16:00:00Z"), signer);
                    chain.committed(checkpoint);
                    publish(producer, checkpoint);
                }
            }
        }
        LogVerification.Report clean = verify();
        assertEquals(List.of(), clean.findings(), "the untouched log verifies");
        assertEquals(30, clean.verified());
    }

    @AfterEach
    void stop() {
        kafka.stop();
    }

    @Test
    void aRecordAlteredInTheSegmentFileIsNamedByItsOffset() throws Exception {
        kafka.stop();
        rewriteInSegment(13, "\"level\":4", "\"level\":5");
        kafka.start();

        assertEquals(List.of(Kind.ALTERED + " " + Topics.RATINGS + "/0@13"), found(verify()));
    }

    /**
     * Issue 25, 6: a batch whose CRC is wrong stopped the verifier with an uncaught KafkaException that named only the
     * batch's first offset, and the rest of the log went unchecked. It is a finding with its range, and the
     * checkpoints after it are still verified.
     */
    @Test
    void aBatchWithABrokenCrcIsAFindingAndTheRestOfTheLogIsStillVerified() throws Exception {
        kafka.stop();
        rewriteInSegment(13, "\"level\":4", "\"level\":5", false);
        kafka.start();

        LogVerification.Report report = verify();
        List<String> found = found(report);
        assertTrue(found.contains(Kind.UNREADABLE + " " + Topics.RATINGS + "/0@13"), found.toString());
        assertTrue(report.findings().stream().anyMatch(f -> f.detail().startsWith("offsets 13-13 cannot be read")),
                report.findings().toString());
        assertEquals(20, report.verified(), "the checkpoints over 0-9 and 20-29 still verify");
    }

    @Test
    void recordsDeletedThroughTheAdminApiAreNamedByTheirOffsets() throws Exception {
        try (Admin admin = kafka.admin()) {
            admin.deleteRecords(Map.of(RATINGS, RecordsToDelete.beforeOffset(3))).all().get();
        }

        assertEquals(List.of(Kind.REMOVED + " " + Topics.RATINGS + "/0@0", Kind.REMOVED + " " + Topics.RATINGS + "/0@1",
                Kind.REMOVED + " " + Topics.RATINGS + "/0@2"), found(verify()));
    }

    @Test
    void aCheckpointForgedWithAnotherKeyIsCaught() throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.RATINGS, "rating-forged", "{\"n\":30,\"level\":5}")).get();
            PartitionNotary forger = new PartitionNotary(Topics.RATINGS, 0, lastCheckpoint());
            readAll(RATINGS).forEach(r -> forger.add(LogReader.logged(r)));
            publish(producer, forger.cut(Instant.parse("2025-11-01T16:00:00Z"), newSigner()));
        }

        List<Finding> findings = verify().findings();
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Kind.BAD_SIGNATURE, findings.get(0).kind());
        assertEquals(3, findings.get(0).offset(), "the forged checkpoint's own offset in hcp.checkpoints");
    }

    @Test
    void oneEventsInclusionIsProvenAgainstItsSignedCheckpointAndNotOnceItIsAltered() throws Exception {
        LogVerification.InclusionProof proof = new LogVerification(kafka.bootstrapServers(), signer.publicKey())
                .prove(Topics.RATINGS, 0, 13);
        assertEquals(3, proof.leafIndex(), "the fourth record of the checkpoint over 10-19");
        assertEquals(4, proof.path().size(), "log2 of ten, rounded up");
        assertTrue(proof.included() && proof.signatureValid(), proof.toString());

        kafka.stop();
        rewriteInSegment(13, "\"level\":4", "\"level\":5");
        kafka.start();
        LogVerification.InclusionProof altered = new LogVerification(kafka.bootstrapServers(), signer.publicKey())
                .prove(Topics.RATINGS, 0, 13);
        assertTrue(!altered.included() && altered.signatureValid(), altered.toString());
    }

    // --- helpers

    private LogVerification.Report verify() {
        return new LogVerification(kafka.bootstrapServers(), signer.publicKey()).run();
    }

    private static List<String> found(LogVerification.Report report) {
        return report.findings().stream().map(f -> f.kind() + " " + f.topic() + "/" + f.partition() + "@" + f.offset())
                .toList();
    }

    /** Changes bytes of one record in place in the partition's segment file and fixes its batch's CRC32C. */
    private void rewriteInSegment(long offset, String from, String to) throws Exception {
        rewriteInSegment(offset, from, to, true);
    }

    /** As above; {@code fixCrc} false leaves the batch's CRC as it was, so that no client can read the batch. */
    private void rewriteInSegment(long offset, String from, String to, boolean fixCrc) throws Exception {
        Path segment = dir.resolve("kafka").resolve(Topics.RATINGS + "-0").resolve("00000000000000000000.log");
        int position = -1;
        int size = 0;
        try (FileRecords records = FileRecords.open(segment.toFile())) {
            for (FileChannelRecordBatch batch : records.batches()) {
                if (batch.baseOffset() <= offset && offset <= batch.lastOffset()) {
                    position = batch.position();
                    size = batch.sizeInBytes();
                }
            }
        }
        assertTrue(position >= 0, "offset " + offset + " is in the segment");
        byte[] batch = new byte[size];
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(position);
            file.readFully(batch);
            String text = new String(batch, StandardCharsets.ISO_8859_1);
            int at = text.indexOf("{\"n\":" + offset + "," + from);
            assertTrue(at >= 0, "the record's value is in its batch");
            byte[] replacement = ("{\"n\":" + offset + "," + to).getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(replacement, 0, batch, at, replacement.length);
            // Record batch v2: the CRC at byte 17 covers everything from the attributes (byte 21) to the end.
            if (fixCrc) {
                ByteBuffer.wrap(batch).putInt(17, (int) Crc32C.compute(batch, 21, size - 21));
            }
            file.seek(position);
            file.write(batch);
        }
        if (fixCrc) {
            Files.deleteIfExists(segment.resolveSibling("00000000000000000000.index"));
            Files.deleteIfExists(segment.resolveSibling("00000000000000000000.timeindex"));
        }
        // Otherwise the indexes stay: rebuilding them would make the broker recover the segment and truncate it at
        // the broken batch, a removal rather than the unreadable batch this is to leave in place.
    }

    private LogCheckpointed lastCheckpoint() {
        LogCheckpointed last = null;
        for (ConsumerRecord<byte[], byte[]> record : readAll(new TopicPartition(Topics.CHECKPOINTS, 0))) {
            last = EventJson.read(new String(record.value(), StandardCharsets.UTF_8), LogCheckpointed.class).payload();
        }
        return last;
    }

    private static void publish(KafkaProducer<String, String> producer, LogCheckpointed checkpoint) throws Exception {
        String key = LogCheckpointed.chainOf(checkpoint.topic(), checkpoint.partition());
        var envelope = EventEnvelope.of(checkpoint, key, null, checkpoint.checkpointedAt(),
                checkpoint.checkpointedAt(), null, null, "reporting-service");
        producer.send(new ProducerRecord<>(Topics.CHECKPOINTS, key, EventJson.write(envelope))).get();
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(TopicPartition tp) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            while (consumer.position(tp) < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(all::add);
            }
        }
        return all;
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static CheckpointSigner newSigner() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Base64.Encoder base64 = Base64.getEncoder();
        return new CheckpointSigner("Ed25519", base64.encodeToString(pair.getPrivate().getEncoded()),
                base64.encodeToString(pair.getPublic().getEncoded()));
    }
}
