package org.hcp.rectification.messaging;

import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.kit.messaging.EventBatch;
import org.hcp.kit.messaging.Projection;
import org.hcp.rectification.domain.Rectification;
import org.hcp.rectification.repository.BadReviewRepository;

/** R2.1: receives every bad review from hcp.ratings. */
@Singleton
public class BadReviewProjection extends Projection<RatingSubmitted> {

    private final BadReviewRepository badReviews;

    public BadReviewProjection(BadReviewRepository badReviews, Projection.Support support,
            @ConfigProperty(name = "hcp.rectification.consumer-group") String groupId) {
        super("bad-reviews", RatingSubmitted.class, List.of(Topics.RATINGS), groupId, support);
        this.badReviews = badReviews;
    }

    @Override
    protected void apply(SqlConnection tx, EventBatch<RatingSubmitted> batch) {
        badReviews.receive(tx, batch.events().stream().filter(e -> Rectification.isNeeded(e.payload())).toList());
    }
}
