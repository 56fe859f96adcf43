package org.hcp.intake.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.hcp.events.RatingLevel;
import org.hcp.intake.domain.FollowUpTimeline;
import org.hcp.intake.domain.RectificationProgress;
import org.hcp.intake.repository.RatingRepository;
import org.hcp.intake.repository.RectificationProgressRepository;
import org.hcp.kit.db.Transactions;

/**
 * What a used rating link shows its holder (R2.4): a good review its thanks, a bad review how its rectification goes,
 * from intake's own tables (the rating, and the rectification steps projected from the log).
 */
@ApplicationScoped
public class FollowUps {

    private final Pool pool;
    private final RatingRepository ratings;
    private final RectificationProgressRepository progress;

    public FollowUps(Pool pool, RatingRepository ratings, RectificationProgressRepository progress) {
        this.pool = pool;
        this.ratings = ratings;
        this.progress = progress;
    }

    /**
     * @param timeline empty for a good review
     */
    public record FollowUp(int level, boolean bad, Instant ratedAt, List<FollowUpTimeline.Entry> timeline,
            boolean notAdopted) {
    }

    /** The follow-up of the rating a link recorded; null when the link recorded none (it was rated elsewhere). */
    public FollowUp of(RatingLinks.LinkState link) {
        if (link.ratingId() == null) {
            return null;
        }
        RatingRepository.RatingRow rating = Transactions.await(ratings.findRow(link.ratingId()));
        if (rating == null) {
            return null;
        }
        Instant ratedAt = rating.ratedAt().toInstant();
        if (!RatingLevel.isBad(rating.level())) {
            return new FollowUp(rating.level(), false, ratedAt, List.of(), false);
        }
        RectificationProgress p = inTransaction(pool, tx -> progress.findByRating(tx, rating.ratingId()));
        return new FollowUp(rating.level(), true, ratedAt, FollowUpTimeline.of(ratedAt, p, link.policy()),
                FollowUpTimeline.notAdopted(p));
    }
}
