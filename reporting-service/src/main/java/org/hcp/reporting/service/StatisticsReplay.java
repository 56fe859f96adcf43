package org.hcp.reporting.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.hcp.events.EventEnvelope;
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
        AggregateRepository.Sums counters = new AggregateRepository.Sums();
        long replayed = LogReplay.replayOverlapped(consumer, consumer.endOffsets(partitions, Duration.ofSeconds(30)),
                records -> StatisticsTopics.readSkippingUnreadable(records).events().stream().filter(keep).toList(),
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
