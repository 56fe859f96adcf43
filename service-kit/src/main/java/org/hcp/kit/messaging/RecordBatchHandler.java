package org.hcp.kit.messaging;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies one polled batch to a read model in one database transaction, together with the record of what was
 * applied, so that a redelivered batch changes nothing. Throws when the transaction did not commit.
 */
@FunctionalInterface
public interface RecordBatchHandler {

    void apply(List<ConsumerRecord<String, String>> records) throws Exception;
}
