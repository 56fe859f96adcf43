package org.hcp.rectification.messaging;

import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.kit.messaging.EventBatch;
import org.hcp.kit.messaging.Projection;
import org.hcp.rectification.service.RectificationService;

/** R2.1: every bad review on hcp.ratings opens its rectification, in the same transaction as the batch's offsets. */
@Singleton
public class BadReviewProjection extends Projection<RatingSubmitted> {

    private final RectificationService rectifications;

    public BadReviewProjection(RectificationService rectifications, Projection.Support support,
            @ConfigProperty(name = "hcp.rectification.consumer-group") String groupId) {
        super("rectification-opening", RatingSubmitted.class, List.of(Topics.RATINGS), groupId, support);
        this.rectifications = rectifications;
    }

    @Override
    protected void apply(SqlConnection tx, EventBatch<RatingSubmitted> batch) {
        rectifications.receive(tx, batch.events());
    }
}
