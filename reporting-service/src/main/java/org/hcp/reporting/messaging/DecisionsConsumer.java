package org.hcp.reporting.messaging;

import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventPayload;
import org.hcp.events.Topics;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.appeal.RatingReinstated;
import org.hcp.kit.messaging.EventBatch;
import org.hcp.kit.messaging.Projection;
import org.hcp.reporting.repository.StatisticsRepository;

/**
 * R3.4 / R3.5: appeal decisions on hcp.appeals count a rating out of the statistics (not adopted) or back in
 * (reinstated), in whichever order they and the rating arrive. Writes to the live schema under the same share lock as
 * the ratings projection, so a rebuild's switch waits for it and then takes its decisions over.
 */
@Singleton
public class DecisionsConsumer extends Projection<EventPayload> {

    private final StatisticsRepository statistics;

    public DecisionsConsumer(StatisticsRepository statistics, Projection.Support support,
            @ConfigProperty(name = "hcp.reporting.consumer-group") String groupId) {
        super("appeal-decisions", EventPayload.class, List.of(Topics.APPEALS), groupId + "-appeals", support);
        this.statistics = statistics;
    }

    @Override
    protected void apply(SqlConnection tx, EventBatch<EventPayload> batch) {
        String schema = statistics.liveSchema(tx, StatisticsRepository.Lock.SHARE);
        for (EventEnvelope<EventPayload> event : batch.events()) {
            if (event.payload() instanceof RatingNotAdopted d) {
                statistics.decide(tx, schema, d.ratingId(), true, d.decisionId(), d.decidedAt());
            } else if (event.payload() instanceof RatingReinstated d) {
                statistics.decide(tx, schema, d.ratingId(), false, d.decisionId(), d.decidedAt());
            }
        }
    }
}
