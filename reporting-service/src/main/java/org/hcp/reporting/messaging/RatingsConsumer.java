package org.hcp.reporting.messaging;

import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.kit.messaging.EventBatch;
import org.hcp.kit.messaging.Projection;
import org.hcp.reporting.domain.CountedRating;
import org.hcp.reporting.repository.StatisticsRepository;

/**
 * The live statistics projection: hcp.ratings into whichever schema is live. The schema is read under a share lock
 * in the batch's own transaction, so a rebuild's switch never lands between reading it and writing to it.
 */
@Singleton
public class RatingsConsumer extends Projection<RatingSubmitted> {

    private final StatisticsRepository statistics;

    public RatingsConsumer(StatisticsRepository statistics, Projection.Support support,
            @ConfigProperty(name = "hcp.reporting.consumer-group") String groupId) {
        super("statistics", RatingSubmitted.class, List.of(Topics.RATINGS), groupId, support);
        this.statistics = statistics;
    }

    @Override
    protected void apply(SqlConnection tx, EventBatch<RatingSubmitted> batch) {
        String schema = statistics.liveSchema(tx, StatisticsRepository.Lock.SHARE);
        statistics.apply(tx, schema, batch.events().stream().map(CountedRating::of).toList());
    }
}
