package org.hcp.audit.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.audit.CheckpointSigner;
import org.hcp.audit.PartitionNotary;
import org.hcp.audit.tool.LogReader;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.events.Topics;
import org.hcp.events.audit.LogCheckpointed;
import org.hcp.kit.messaging.BackgroundLoop;
import org.hcp.kit.messaging.KafkaClients;
import org.jboss.logging.Logger;

/**
 * The notary (R5.3, docs/audit.md): reads every topic of record byte for byte and, per partition, every
 * {@code hcp.audit.checkpoint-every} records or {@code hcp.audit.checkpoint-interval} after the first one pending,
 * publishes a signed {@link LogCheckpointed} to {@code hcp.checkpoints}. Its only memory is that topic: at start, and
 * after any failure, it reads each chain's head back and resumes after what the head covers. Its producer is
 * transactional under one id, so of several replicas only the last to start can extend a chain; the others are
 * fenced, back off and try again, reading the heads afresh each time.
 */
@Singleton
public class LogNotary extends BackgroundLoop {

    private static final Logger LOG = Logger.getLogger(LogNotary.class);
    private static final String NAME = "log-notary";

    private final KafkaClients clients;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final boolean enabled;
    private final int every;
    private final Duration interval;
    private final CheckpointSigner signer;
    private final Counter checkpoints;

    // Touched by the worker's thread only.
    private KafkaConsumer<byte[], byte[]> consumer;
    private KafkaProducer<String, String> producer;
    private final Map<TopicPartition, PartitionNotary> chains = new HashMap<>();
    private final Map<TopicPartition, Instant> pendingSince = new HashMap<>();

    public LogNotary(KafkaClients clients, MeterRegistry metrics, Clock clock,
            @ConfigProperty(name = "hcp.audit.notary.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "hcp.audit.checkpoint-every", defaultValue = "1000") int every,
            @ConfigProperty(name = "hcp.audit.checkpoint-interval", defaultValue = "PT30S") Duration interval,
            @ConfigProperty(name = "hcp.audit.signature", defaultValue = "Ed25519") String algorithm,
            @ConfigProperty(name = "hcp.audit.signing-key") String signingKey,
            @ConfigProperty(name = "hcp.audit.public-key") String publicKey) {
        super(NAME, Duration.ofSeconds(1), Duration.ofSeconds(30), metrics);
        this.clients = clients;
        this.metrics = metrics;
        this.clock = clock;
        this.enabled = enabled;
        this.every = every;
        this.interval = interval;
        // Built at start even when disabled: a key that does not parse, or halves that do not match, stop the service.
        this.signer = new CheckpointSigner(algorithm, signingKey, publicKey);
        this.checkpoints = Counter.builder("hcp.audit.checkpoints")
                .description("checkpoints the notary signed and published").register(metrics);
    }

    @Override
    protected boolean enabled() {
        return enabled;
    }

    @Override
    protected void starting() {
        LOG.infof("notary signs checkpoints with %s key %s every %d records or %s", signer.algorithm(),
                signer.keyId(), every, interval);
    }

    @Override
    protected String describeFailure(Exception e) {
        return "cannot checkpoint the log: " + e.getMessage();
    }

    @Override
    protected void release() {
        close();
    }

    /** One round: read what is new, cut the checkpoints that are due, publish them in one transaction. */
    @Override
    protected Duration step() {
        if (consumer == null) {
            open();
        }
        List<LogCheckpointed> due = new ArrayList<>();
        var records = consumer.poll(Duration.ofMillis(500));
        Instant now = clock.instant();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            TopicPartition tp = new TopicPartition(record.topic(), record.partition());
            PartitionNotary chain = chains.get(tp);
            chain.add(LogReader.logged(record));
            pendingSince.putIfAbsent(tp, now);
            if (chain.pending() >= every) {
                due.add(cut(tp, chain, now));
            }
        }
        for (Map.Entry<TopicPartition, PartitionNotary> entry : chains.entrySet()) {
            Instant since = pendingSince.get(entry.getKey());
            if (entry.getValue().pending() > 0 && since != null && !now.isBefore(since.plus(interval))) {
                due.add(cut(entry.getKey(), entry.getValue(), now));
            }
        }
        publish(due);
        return records.isEmpty() ? Duration.ofMillis(250) : Duration.ZERO;
    }

    /** Cuts in memory and moves the chain on at once: if the transaction then fails, {@link #close()} forgets it all. */
    private LogCheckpointed cut(TopicPartition tp, PartitionNotary chain, Instant now) {
        LogCheckpointed checkpoint = chain.cut(now, signer);
        chain.committed(checkpoint);
        pendingSince.remove(tp);
        return checkpoint;
    }

    private void publish(List<LogCheckpointed> due) {
        if (due.isEmpty()) {
            return;
        }
        producer.beginTransaction();
        for (LogCheckpointed checkpoint : due) {
            String key = LogCheckpointed.chainOf(checkpoint.topic(), checkpoint.partition());
            Instant at = checkpoint.checkpointedAt();
            var envelope = EventEnvelope.of(checkpoint, key, null, at, at, null, null, "reporting-service");
            producer.send(new ProducerRecord<>(Topics.CHECKPOINTS, key, EventJson.write(envelope)));
        }
        producer.commitTransaction();
        checkpoints.increment(due.size());
    }

    /** Fences any other notary, reads each chain's head, and positions the reader just after it. */
    private void open() {
        producer = clients.transactionalProducer(NAME, "hcp-log-notary");
        producer.initTransactions();
        Map<String, LogCheckpointed> heads = readHeads();
        consumer = clients.rawConsumer(NAME, 2000);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : Topics.NOTARISED) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        for (TopicPartition tp : partitions) {
            PartitionNotary chain = new PartitionNotary(tp.topic(), tp.partition(),
                    heads.get(LogCheckpointed.chainOf(tp.topic(), tp.partition())));
            chains.put(tp, chain);
            consumer.seek(tp, chain.nextOffset());
        }
        LOG.infof("notary resumes %d chains, %d of them begun", partitions.size(), heads.size());
    }

    /** The last checkpoint of each chain in {@code hcp.checkpoints}, read to its end. */
    private Map<String, LogCheckpointed> readHeads() {
        Map<String, LogCheckpointed> heads = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> reader = clients.rawConsumer(NAME + "-heads", 2000)) {
            List<TopicPartition> partitions = reader.partitionsFor(Topics.CHECKPOINTS, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(Topics.CHECKPOINTS, p.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> reader.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(500))) {
                    LogCheckpointed checkpoint = EventJson.read(new String(record.value(),
                            java.nio.charset.StandardCharsets.UTF_8), LogCheckpointed.class).payload();
                    heads.merge(LogCheckpointed.chainOf(checkpoint.topic(), checkpoint.partition()), checkpoint,
                            (a, b) -> b.sequence() > a.sequence() ? b : a);
                }
            }
        }
        return heads;
    }

    private void close() {
        if (consumer != null) {
            consumer.close(Duration.ZERO);
            consumer = null;
        }
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
        chains.clear();
        pendingSince.clear();
    }

    /** It works for others: a failure here is an operator's alarm (wellness), the API still answers. */
    @Override
    public boolean neededForRequests() {
        return false;
    }
}
