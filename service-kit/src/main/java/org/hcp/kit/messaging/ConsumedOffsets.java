package org.hcp.kit.messaging;

import static org.hcp.kit.db.Transactions.batch;
import static org.hcp.kit.db.Transactions.query;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each projection has applied each partition, recorded in the read model's own transaction ("storing
 * offsets outside Kafka"): the database says itself what it contains, and a projection resumes from here, not from
 * Kafka's committed offsets. The table is service-kit's ({@code db/projection}), one for every projection of a
 * service, keyed by projection name.
 */
public final class ConsumedOffsets {

    private ConsumedOffsets() {
    }

    /** Records the next offsets in {@code tx}; a position never moves back (a redelivered batch is older). */
    public static void record(SqlConnection tx, String projection, Map<TopicPartition, Long> nextOffsets) {
        List<Tuple> rows = nextOffsets.entrySet().stream()
                .map(e -> Tuple.of(projection, e.getKey().topic(), e.getKey().partition(), e.getValue())).toList();
        batch(tx, "INSERT INTO consumed_offset AS c (projection, topic, partition, next_offset) "
                + "VALUES ($1, $2, $3, $4) ON CONFLICT (projection, topic, partition) DO UPDATE "
                + "SET next_offset = GREATEST(c.next_offset, excluded.next_offset)", rows);
    }

    /** The recorded next offset of every partition the projection has applied; absent partitions it has not. */
    public static Map<TopicPartition, Long> read(Pool pool, String projection) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (Row row : query(pool, "SELECT topic, partition, next_offset FROM consumed_offset WHERE projection = $1",
                Tuple.of(projection))) {
            offsets.put(new TopicPartition(row.getString("topic"), row.getInteger("partition")),
                    row.getLong("next_offset"));
        }
        return offsets;
    }
}
