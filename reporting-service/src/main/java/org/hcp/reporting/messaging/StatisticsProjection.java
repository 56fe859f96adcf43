package org.hcp.reporting.messaging;

import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.EventPayload;
import org.hcp.kit.messaging.EventBatch;
import org.hcp.kit.messaging.Projection;
import org.hcp.reporting.repository.StatisticsRepository;
import org.hcp.reporting.service.StatisticsWriter;

/**
 * The live statistics projection: ratings, cases, rectifications and appeal decisions into whichever schema is live.
 * The schema is read under a share lock in the batch's own transaction, so a rebuild's switch never lands between
 * reading it and writing to it.
 */
@Singleton
public class StatisticsProjection extends Projection<EventPayload> {

    private final StatisticsRepository statistics;
    private final StatisticsWriter writer;

    public StatisticsProjection(StatisticsRepository statistics, StatisticsWriter writer, Projection.Support support,
            @ConfigProperty(name = "hcp.reporting.consumer-group") String groupId) {
        super(StatisticsRepository.PROJECTION, EventPayload.class, StatisticsTopics.TOPICS, groupId, support);
        this.statistics = statistics;
        this.writer = writer;
    }

    @Override
    protected void apply(SqlConnection tx, EventBatch<EventPayload> batch) {
        writer.apply(tx, statistics.liveSchema(tx, StatisticsRepository.Lock.SHARE), batch.events());
    }
}
