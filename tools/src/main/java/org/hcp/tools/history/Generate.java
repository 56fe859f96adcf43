package org.hcp.tools.history;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hcp.events.EventJson;

/**
 * {@code ./hcp generate}: writes a {@link HistoryGenerator} history straight to Kafka, each event on its topic with
 * its key, through one idempotent producer that waits for every acknowledgement.
 *
 * <p>Usage: {@code Generate BOOTSTRAP [--seed N] [--from YYYY-MM-DD] [--months N] [--scale X] [--no-wait]}. By
 * default the twelve months up to and including the current one; never an event after now. Then it waits until the
 * running services have read it all, so that {@code ./hcp generate} can have rectification-service and
 * appeal-service fold the generated steps into their own tables (docs/history.md).
 */
public final class Generate {

    private Generate() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: Generate BOOTSTRAP [--seed N] [--from YYYY-MM-DD] [--months N] [--scale X]");
            System.exit(2);
        }
        HistoryGenerator.Options d = HistoryGenerator.Options.endingNow(Instant.now());
        HistoryGenerator.Options options = new HistoryGenerator.Options(
                Long.parseLong(option(args, "--seed", Long.toString(d.seed()))),
                LocalDate.parse(option(args, "--from", d.from().toString())),
                Integer.parseInt(option(args, "--months", Integer.toString(d.months()))),
                Double.parseDouble(option(args, "--scale", Double.toString(d.scale()))), d.until());
        long started = System.nanoTime();
        System.out.println("generating " + options + " ...");
        Map<String, Long> perTopic = write(args[0], options);
        long total = perTopic.values().stream().mapToLong(Long::longValue).sum();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%,d events written in %.1f s: %s%n", total, seconds, perTopic);
        if (!Arrays.asList(args).contains("--no-wait")) {
            System.out.println("waiting for the running services to read it...");
            awaitRead(args[0], perTopic.keySet(), Duration.ofMinutes(20));
            System.out.printf("read by every running service after %.0f s%n", (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * Waits until every consumer group with members has committed, on each of {@code topics} it reads, the end
     * offsets as they are now: the services have read (and projected) the whole history. A group without members (a
     * service not running, an old one) is not waited for.
     */
    static void awaitRead(String bootstrapServers, java.util.Set<String> topics, Duration timeout)
            throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description
                    .partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
            long deadline = System.nanoTime() + timeout.toNanos();
            long behind = Long.MAX_VALUE;
            while (behind > 0) {
                behind = 0;
                List<String> groups = admin.listConsumerGroups().all().get().stream()
                        .map(ConsumerGroupListing::groupId).toList();
                for (var group : admin.describeConsumerGroups(groups).all().get().values()) {
                    if (group.members().isEmpty()) {
                        continue;
                    }
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                            .partitionsToOffsetAndMetadata().get();
                    for (Map.Entry<TopicPartition, OffsetAndMetadata> c : committed.entrySet()) {
                        Long last = end.get(c.getKey());
                        if (last != null && c.getValue() != null && c.getValue().offset() < last) {
                            behind += last - c.getValue().offset();
                        }
                    }
                }
                if (behind > 0) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(behind + " event(s) still unread after " + timeout);
                    }
                    Thread.sleep(2000);
                }
            }
        }
    }

    /** Writes the history of {@code options} to the broker; answers how many events went to each topic. */
    public static Map<String, Long> write(String bootstrapServers, HistoryGenerator.Options options) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        Map<String, Long> perTopic = new TreeMap<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            HistoryGenerator.generate(options, item -> {
                producer.send(new ProducerRecord<>(item.topic(), item.event().key(), EventJson.write(item.event())),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
                perTopic.merge(item.topic(), 1L, Long::sum);
            });
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the broker refused events; the history is incomplete", failure.get());
        }
        return perTopic;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
