package org.hcp.kit.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hcp.events.Topics;
import org.jboss.logging.Logger;

/**
 * Poison events (unreadable, or failing for a reason retrying won't fix) go to {@link Topics#DEAD_LETTER} with
 * the reason and where they came from, and the consumer goes on. Never dropped silently.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final KafkaClients clients;
    private KafkaProducer<String, String> producer;

    public DeadLetters(KafkaClients clients) {
        this.clients = clients;
    }

    /** Waits for the broker's acknowledgement, so the caller may commit past the record afterwards. */
    public void send(String consumer, ConsumerRecord<String, String> record, String reason) {
        ProducerRecord<String, String> letter = new ProducerRecord<>(Topics.DEAD_LETTER, record.key(), record.value());
        letter.headers()
                .add("hcp.dlq.reason", reason.getBytes(StandardCharsets.UTF_8))
                .add("hcp.dlq.consumer", consumer.getBytes(StandardCharsets.UTF_8))
                .add("hcp.dlq.source", (record.topic() + "/" + record.partition() + "/" + record.offset())
                        .getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(letter).get(30, TimeUnit.SECONDS);
            LOG.warnf("%s: dead-lettered %s/%d/%d: %s", consumer, record.topic(), record.partition(), record.offset(),
                    reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot dead-letter " + record.topic() + "/" + record.offset(), e);
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = clients.producer("dead-letters");
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(2));
        }
    }
}
