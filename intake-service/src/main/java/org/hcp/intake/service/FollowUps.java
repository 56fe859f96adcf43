package org.hcp.intake.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hcp.events.EventEnvelope;
import org.hcp.events.FollowUpRated;
import org.hcp.events.RatingLevel;
import org.hcp.events.Topics;
import org.hcp.events.outcome.Violation;
import org.hcp.intake.domain.FollowUpRatingDecider;
import org.hcp.intake.domain.FollowUpTimeline;
import org.hcp.intake.domain.RectificationProgress;
import org.hcp.intake.domain.ServiceCase;
import org.hcp.intake.repository.FollowUpRatingRepository;
import org.hcp.intake.repository.RatingRepository;
import org.hcp.intake.repository.RectificationProgressRepository;
import org.hcp.kit.db.Transactions;
import org.hcp.kit.outbox.Outbox;
import org.hcp.kit.reference.ReferenceData;
import org.jboss.logging.Logger;

/**
 * What a used rating link shows its holder (R2.4): a good review its thanks, a bad review how its rectification goes,
 * from intake's own tables (the rating, and the rectification steps projected from the log); and the follow-up rating
 * of the handling (追评), once, recorded as its own event.
 */
@ApplicationScoped
public class FollowUps {

    private static final Logger LOG = Logger.getLogger(FollowUps.class);
    static final int TEXT_MAX = 2000;

    private final Pool pool;
    private final RatingRepository ratings;
    private final RectificationProgressRepository progress;
    private final FollowUpRatingRepository followUpRatings;
    private final ReferenceData reference;
    private final Clock clock;

    public FollowUps(Pool pool, RatingRepository ratings, RectificationProgressRepository progress,
            FollowUpRatingRepository followUpRatings, ReferenceData reference, Clock clock) {
        this.pool = pool;
        this.ratings = ratings;
        this.progress = progress;
        this.followUpRatings = followUpRatings;
        this.reference = reference;
        this.clock = clock;
    }

    /**
     * @param timeline      empty for a good review
     * @param window        whether the handling may be rated now (追评)
     * @param followUpLevel the follow-up rating given, or null
     */
    public record FollowUp(int level, boolean bad, Instant ratedAt, List<FollowUpTimeline.Entry> timeline,
            boolean notAdopted, FollowUpRatingDecider.Window window, Integer followUpLevel) {
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
            return new FollowUp(rating.level(), false, ratedAt, List.of(), false, null, null);
        }
        return inTransaction(pool, tx -> {
            RectificationProgress p = progress.findByRating(tx, rating.ratingId());
            Integer followUpLevel = followUpRatings.levelOf(tx, rating.ratingId());
            return new FollowUp(rating.level(), true, ratedAt, FollowUpTimeline.of(ratedAt, p, link.policy()),
                    FollowUpTimeline.notAdopted(p), window(p, followUpLevel != null, link), followUpLevel);
        });
    }

    /** What became of a follow-up rating. */
    public sealed interface Rated {
        record Recorded(FollowUpRated event) implements Rated {
        }

        /** Not open: not yet, rated already, ended, not adopted, not offered. */
        record Refused(FollowUpRatingDecider.Status status) implements Rated {
        }

        record Invalid(List<Violation> violations) implements Rated {
        }
    }

    /** Records the follow-up rating of the bad review a used link rated: once, in one transaction with its event. */
    public Rated rate(RatingLinks.LinkState link, Integer level, String text) {
        List<Violation> errors = new ArrayList<>();
        if (level == null || !RatingLevel.isValid(level)) {
            errors.add(Violation.of("/level", "followUp.level"));
        }
        if (text != null && text.length() > TEXT_MAX) {
            errors.add(Violation.of("/text", "field.tooLong", TEXT_MAX));
        }
        if (link.ratingId() == null) {
            return new Rated.Refused(FollowUpRatingDecider.Status.NOT_YET);
        }
        return inTransaction(pool, tx -> {
            RectificationProgress p = progress.findByRating(tx, link.ratingId());
            FollowUpRatingDecider.Window window = window(p, followUpRatings.levelOf(tx, link.ratingId()) != null,
                    link);
            if (window.status() != FollowUpRatingDecider.Status.OPEN) {
                return new Rated.Refused(window.status());
            }
            if (!errors.isEmpty()) {
                return new Rated.Invalid(errors);
            }
            ServiceCase c = link.serviceCase();
            String visit = link.claims().visit();
            Instant now = clock.instant();
            String words = text == null || text.isBlank() ? null : text.strip();
            FollowUpRated event = new FollowUpRated("follow-up-" + link.ratingId(), link.ratingId(),
                    p.rectificationId(), c.caseNumber(), c.itemCode(), c.institutionCode(), c.windowOf(visit),
                    c.staffOf(visit), c.regionCode(), link.claims().ch(), level, words, now);
            if (!followUpRatings.insert(tx, event)) {
                return new Rated.Refused(FollowUpRatingDecider.Status.RATED);
            }
            Outbox.append(tx, Topics.CASES, EventEnvelope.of(event, c.caseNumber(), c.regionCode(), now, now, null,
                    null, RatingService.PRODUCER));
            LOG.infof("follow-up rating of rating %s (rectification %s) recorded", link.ratingId(),
                    p.rectificationId());
            return new Rated.Recorded(event);
        });
    }

    private FollowUpRatingDecider.Window window(RectificationProgress p, boolean rated, RatingLinks.LinkState link) {
        return FollowUpRatingDecider.window(p, rated, link.policy(), reference.calendar(), clock.instant());
    }
}
