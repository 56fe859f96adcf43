package org.hcp.audit.tool;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.hcp.audit.CheckpointSigner;
import org.hcp.audit.Finding;
import org.hcp.audit.MerkleTree;
import org.hcp.audit.PartitionVerifier.StoredCheckpoint;
import org.hcp.audit.PartitionVerifier;
import org.hcp.events.EventJson;
import org.hcp.events.Topics;
import org.hcp.events.audit.LogCheckpointed;

/**
 * The offline check of the whole log against its checkpoints (R5.3, docs/audit.md): reads {@code hcp.checkpoints},
 * then every topic of record up to where it ends now, byte for byte, with nothing but read access and the notary's
 * public key. It writes nothing and joins no consumer group.
 */
public final class LogVerification {

    private final String bootstrapServers;
    private final PublicKey key;

    public LogVerification(String bootstrapServers, PublicKey key) {
        this.bootstrapServers = bootstrapServers;
        this.key = key;
    }

    /** What the verification found, per partition, with the time it took. */
    public record Report(List<PartitionVerifier.Result> partitions, long records, Duration took) {

        public List<Finding> findings() {
            return partitions.stream().flatMap(p -> p.findings().stream()).toList();
        }

        public long verified() {
            return partitions.stream().mapToLong(PartitionVerifier.Result::verified).sum();
        }

        public long uncovered() {
            return partitions.stream().mapToLong(PartitionVerifier.Result::uncovered).sum();
        }
    }

    public Report run() {
        long started = System.nanoTime();
        Map<String, List<StoredCheckpoint>> chains = readChains();
        Map<TopicPartition, PartitionVerifier> verifiers = new LinkedHashMap<>();
        long records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            for (String topic : Topics.NOTARISED) {
                for (PartitionInfo info : partitionsOf(consumer, topic)) {
                    TopicPartition tp = new TopicPartition(topic, info.partition());
                    verifiers.put(tp, new PartitionVerifier(topic, info.partition(),
                            chains.getOrDefault(LogCheckpointed.chainOf(topic, info.partition()), List.of()), key));
                }
            }
            // One partition at a time, so that a batch that cannot be read is known to be this partition's.
            for (Map.Entry<TopicPartition, PartitionVerifier> partition : verifiers.entrySet()) {
                records += readPartition(consumer, partition.getKey(), partition.getValue());
            }
        }
        List<PartitionVerifier.Result> results = verifiers.values().stream().map(PartitionVerifier::finish).toList();
        return new Report(results, records, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Feeds one partition, up to where it ends now, to its verifier. A batch the broker serves but the client
     * cannot read (a wrong CRC, a broken structure) is stepped over one offset at a time and reported as
     * {@link Finding.Kind#UNREADABLE} with its range; the rest of the partition is still verified.
     */
    private static long readPartition(KafkaConsumer<byte[], byte[]> consumer, TopicPartition tp,
            PartitionVerifier verifier) {
        consumer.assign(List.of(tp));
        consumer.seekToBeginning(List.of(tp));
        long end = consumer.endOffsets(List.of(tp)).get(tp);
        long records = 0;
        long unreadableFrom = -1;
        String cause = null;
        while (consumer.position(tp) < end) {
            List<ConsumerRecord<byte[], byte[]>> polled = new ArrayList<>();
            try {
                consumer.poll(Duration.ofMillis(500)).forEach(polled::add);
            } catch (KafkaException e) {
                if (!corrupt(e)) {
                    throw e;
                }
                long at = consumer.position(tp);
                unreadableFrom = unreadableFrom < 0 ? at : unreadableFrom;
                cause = rootMessage(e);
                consumer.seek(tp, at + 1);
                continue;
            }
            for (ConsumerRecord<byte[], byte[]> record : polled) {
                if (unreadableFrom >= 0) {
                    verifier.unreadable(unreadableFrom, record.offset() - 1, cause);
                    unreadableFrom = -1;
                }
                if (record.offset() < end) {
                    verifier.accept(LogReader.logged(record));
                    records++;
                }
            }
        }
        if (unreadableFrom >= 0) {
            verifier.unreadable(unreadableFrom, end - 1, cause);
        }
        return records;
    }

    /**
     * A batch that cannot be read, as opposed to a broker that cannot be reached. Kafka's client reports a wrong CRC
     * as a plain KafkaException that asks to "seek past the record" (CompletedFetch), with no type of its own; other
     * clients' versions throw CorruptRecordException or InvalidRecordException. A retriable error is never one.
     */
    private static boolean corrupt(KafkaException e) {
        if (e instanceof RetriableException) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CorruptRecordException || t instanceof InvalidRecordException
                    || t.getMessage() != null && t.getMessage().contains("seek past the record")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** An event's inclusion proof (RFC 6962): its leaf, its audit path, the signed root it leads to. */
    public record InclusionProof(String topic, int partition, long offset, LogCheckpointed checkpoint, int leafIndex,
            String leafHash, List<String> path, boolean signatureValid, boolean included) {
    }

    /** The proof that the record at {@code offset} is in its checkpoint; null when no checkpoint covers it yet. */
    public InclusionProof prove(String topic, int partition, long offset) {
        LogCheckpointed covering = readChains().getOrDefault(LogCheckpointed.chainOf(topic, partition), List.of())
                .stream().map(StoredCheckpoint::checkpoint)
                .filter(c -> c.startOffset() <= offset && offset < c.endOffset()).findFirst().orElse(null);
        if (covering == null) {
            return null;
        }
        TopicPartition tp = new TopicPartition(topic, partition);
        List<byte[]> leaves = new ArrayList<>();
        int index = -1;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.assign(List.of(tp));
            consumer.seek(tp, covering.startOffset());
            while (consumer.position(tp) < covering.endOffset()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= covering.endOffset()) {
                        break;
                    }
                    if (record.offset() == offset) {
                        index = leaves.size();
                    }
                    leaves.add(LogReader.logged(record).leafHash());
                }
            }
        }
        if (index < 0) {
            return new InclusionProof(topic, partition, offset, covering, -1, null, List.of(),
                    CheckpointSigner.verify(covering, key), false);
        }
        HexFormat hex = HexFormat.of();
        List<byte[]> path = MerkleTree.inclusionPath(index, leaves);
        boolean included = MerkleTree.verifyInclusion(leaves.get(index), index, covering.events(), path,
                hex.parseHex(covering.root()));
        return new InclusionProof(topic, partition, offset, covering, index, hex.formatHex(leaves.get(index)),
                path.stream().map(hex::formatHex).toList(), CheckpointSigner.verify(covering, key), included);
    }

    /** Every checkpoint by chain ({@code topic/partition}), in the order stored, with its own offset. */
    private Map<String, List<StoredCheckpoint>> readChains() {
        Map<String, List<StoredCheckpoint>> chains = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitionsOf(consumer, Topics.CHECKPOINTS).stream()
                    .map(p -> new TopicPartition(Topics.CHECKPOINTS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    LogCheckpointed checkpoint = EventJson.read(new String(record.value(), StandardCharsets.UTF_8),
                            LogCheckpointed.class).payload();
                    chains.computeIfAbsent(LogCheckpointed.chainOf(checkpoint.topic(), checkpoint.partition()),
                            k -> new ArrayList<>()).add(new StoredCheckpoint(checkpoint, record.offset()));
                }
            }
        }
        return chains;
    }

    private static List<PartitionInfo> partitionsOf(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> partitions = consumer.listTopics(Duration.ofSeconds(10)).get(topic);
        return partitions == null ? List.of() : partitions;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "hcp-audit-verify");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(4 * 1024 * 1024));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
