package org.hcp.appeal.messaging;

import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.appeal.domain.Appeals;
import org.hcp.appeal.repository.AppealableRatingRepository;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.kit.messaging.EventBatch;
import org.hcp.kit.messaging.Projection;

/**
 * R3.1: learns from hcp.ratings which ratings may be appealed, with when intake recorded each (the unit received the
 * bad review then: R3.2's window counts from it).
 */
@Singleton
public class AppealableRatingProjection extends Projection<RatingSubmitted> {

    private final AppealableRatingRepository appealable;

    public AppealableRatingProjection(AppealableRatingRepository appealable, Projection.Support support,
            @ConfigProperty(name = "hcp.appeal.consumer-group") String groupId) {
        super("appealable-ratings", RatingSubmitted.class, List.of(Topics.RATINGS), groupId, support);
        this.appealable = appealable;
    }

    @Override
    protected void apply(SqlConnection tx, EventBatch<RatingSubmitted> batch) {
        appealable.add(tx, batch.events().stream().filter(e -> Appeals.isAppealable(e.payload())).toList());
    }
}
