package org.hcp.kit.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Records, in the read model's own transaction, how far each partition has been applied: the read model then
 * says itself what it contains ("storing offsets outside Kafka"), for lag, audits and replays.
 * The table has columns (topic text, partition int, next_offset bigint, primary key (topic, partition)).
 */
public final class ConsumedOffsets {

    private ConsumedOffsets() {
    }

    /** @param table a trusted table name (schema-qualified where needed), never user input */
    public static Uni<Void> record(SqlConnection tx, String table, Map<TopicPartition, Long> nextOffsets) {
        if (nextOffsets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = nextOffsets.entrySet().stream()
                .map(e -> Tuple.of(e.getKey().topic(), e.getKey().partition(), e.getValue())).toList();
        return tx.preparedQuery("INSERT INTO " + table + " AS c (topic, partition, next_offset) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (topic, partition) DO UPDATE "
                        + "SET next_offset = GREATEST(c.next_offset, excluded.next_offset)")
                .executeBatch(rows).replaceWithVoid();
    }
}
