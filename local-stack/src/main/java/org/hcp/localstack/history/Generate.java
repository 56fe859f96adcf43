package org.hcp.localstack.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hcp.events.EventJson;

/**
 * {@code ./hcp generate}: writes a {@link HistoryGenerator} history straight to Kafka, each event on its topic with
 * its key, through one idempotent producer that waits for every acknowledgement.
 *
 * <p>Usage: {@code Generate BOOTSTRAP [--seed N] [--from YYYY-MM-DD] [--months N] [--scale X]}. By default the twelve
 * months up to and including the current one; never an event after now.
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
