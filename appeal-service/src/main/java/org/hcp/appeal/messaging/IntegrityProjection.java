package org.hcp.appeal.messaging;

import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.appeal.domain.ObservedRating;
import org.hcp.appeal.service.IntegrityService;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.kit.messaging.EventBatch;
import org.hcp.kit.messaging.Projection;

/**
 * R6.3: every evaluator's own rating on hcp.ratings is observed and judged by the integrity rules with the rest of
 * its subjects' day, in the transaction that records the offsets. Intake never waits for it: a flag never blocks a
 * rating.
 */
@Singleton
public class IntegrityProjection extends Projection<RatingSubmitted> {

    private final IntegrityService integrity;

    public IntegrityProjection(IntegrityService integrity, Projection.Support support,
            @ConfigProperty(name = "hcp.integrity.consumer-group") String groupId) {
        super("integrity", RatingSubmitted.class, List.of(Topics.RATINGS), groupId, support);
        this.integrity = integrity;
    }

    @Override
    protected void apply(SqlConnection tx, EventBatch<RatingSubmitted> batch) {
        integrity.observe(tx, batch.events().stream().map(EventEnvelope::payload).filter(ObservedRating::observable)
                .map(ObservedRating::of).toList());
    }
}
