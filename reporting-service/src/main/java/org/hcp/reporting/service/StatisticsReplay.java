package org.hcp.reporting.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.events.EventPayload;
import org.hcp.kit.messaging.LogReplay;
import org.hcp.reporting.messaging.StatisticsTopics;
import org.hcp.reporting.repository.AggregateRepository;
import org.hcp.reporting.repository.StatisticsRepository;

/**
 * Fills a copy of the read model from the log with the live projection's own writer: the rebuild's idle copy and
 * the bulletins' cut-off copy, so that both hold exactly what the live projection would.
 */
@ApplicationScoped
public class StatisticsReplay {

    private final Pool pool;
    private final StatisticsRepository statistics;
    private final StatisticsWriter writer;
    private final AggregateRepository aggregates;

    public StatisticsReplay(Pool pool, StatisticsRepository statistics, StatisticsWriter writer,
            AggregateRepository aggregates) {
        this.pool = pool;
        this.statistics = statistics;
        this.writer = writer;
        this.aggregates = aggregates;
    }

    /**
     * Empties {@code schema}, then replays the statistics topics from their first offsets to their ends as they are
     * now, keeping the events {@code keep} accepts, in log order. Reading and decoding the next batch overlaps writing
     * the last (docs/performance.md, "Where the time went"); the counters are summed across batches and written when
     * many are pending, and at the end. Answers how many records were read; {@code consumer} is left at those ends.
     */
    public long fill(KafkaConsumer<String, String> consumer, String schema,
            Predicate<EventEnvelope<EventPayload>> keep) {
        inTransaction(pool, tx -> {
            statistics.truncate(tx, schema);
            return null;
        });
        List<TopicPartition> partitions = LogReplay.fromTheStart(consumer, StatisticsTopics.TOPICS);
        return write(consumer, schema, consumer.endOffsets(partitions, Duration.ofSeconds(30)),
                records -> StatisticsTopics.readSkippingUnreadable(records).events().stream().filter(keep).toList());
    }

    /**
     * A fill up to a cut-off, and where the next one resumes: per partition, the first record left out because it
     * was recorded after the cut-off (every record before it is in the copy), else the end that was reached; and
     * that end (every record from it on is unseen).
     */
    public record Filled(long read, Map<TopicPartition, Long> resume, Map<TopicPartition, Long> end) {
    }

    /**
     * Fills {@code schema} with the events recorded by {@code upTo}, as a whole replay keeping those would: from the
     * start into an emptied schema when {@code last} is null, else continuing that fill, which kept the events
     * recorded by its own cut-off: from its resume offsets, adding, before its end, the events recorded after its
     * cut-off, and from its end on, every event recorded by {@code upTo} (an event may come late with an early time:
     * a generated history, a relay catching up). Instants compare to the millisecond, as
     * {@link org.hcp.reporting.domain.CutOff#includes} does.
     */
    public Filled fillUpTo(KafkaConsumer<String, String> consumer, String schema, Filled last, Instant lastCutOff,
            Instant upTo) {
        if (last == null) {
            inTransaction(pool, tx -> {
                statistics.truncate(tx, schema);
                return null;
            });
        }
        List<TopicPartition> partitions = LogReplay.fromTheStart(consumer, StatisticsTopics.TOPICS);
        if (last != null) {
            // A partition the last fill did not know (added since) is read from its start.
            partitions.stream().filter(last.resume()::containsKey).forEach(p -> consumer.seek(p, last.resume().get(p)));
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        Map<TopicPartition, Long> firstLate = new HashMap<>();
        long afterMillis = lastCutOff == null ? Long.MIN_VALUE : lastCutOff.toEpochMilli();
        long upToMillis = upTo.toEpochMilli();
        long read = write(consumer, schema, new HashMap<>(end), records -> {
            List<EventEnvelope<EventPayload>> kept = new ArrayList<>(records.size());
            for (ConsumerRecord<String, String> r : records) {
                EventEnvelope<EventPayload> event;
                try {
                    event = EventJson.read(r.value(), EventPayload.class);
                } catch (EventJson.UnreadableEventException | NullPointerException unreadable) {
                    continue;   // dead-lettered when first read: skipped again, as every replay does
                }
                TopicPartition partition = new TopicPartition(r.topic(), r.partition());
                long at = event.recordedAt().toEpochMilli();
                boolean seenBefore = last != null && r.offset() < last.end().getOrDefault(partition, 0L);
                if (at > upToMillis) {
                    firstLate.merge(partition, r.offset(), Math::min);
                } else if (!seenBefore || at > afterMillis) {
                    kept.add(event);
                }
            }
            return kept;
        });
        Map<TopicPartition, Long> resume = new HashMap<>(end);
        resume.putAll(firstLate);
        return new Filled(read, resume, end);
    }

    private long write(KafkaConsumer<String, String> consumer, String schema, Map<TopicPartition, Long> end,
            java.util.function.Function<List<ConsumerRecord<String, String>>, List<EventEnvelope<EventPayload>>> keep) {
        AggregateRepository.Sums counters = new AggregateRepository.Sums();
        long replayed = LogReplay.replayOverlapped(consumer, end, keep,
                events -> inTransaction(pool, tx -> {
                    writer.apply(tx, schema, events, counters);
                    return null;
                }));
        inTransaction(pool, tx -> {
            aggregates.write(tx, schema, counters);
            return null;
        });
        return replayed;
    }
}
