package org.hcp.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.intake.domain.SubmitRating;
import org.hcp.kit.rest.Problem.FieldError;
import org.hcp.kit.rest.ProblemException;
import org.jboss.logging.Logger;

/**
 * Many ratings in one request (channel platforms, the 12345 hotline, paper forms): each item is decided and recorded
 * on its own, in its own transaction, and answered on its own; a bad item never blocks a good one.
 */
@ApplicationScoped
public class BatchRatings {

    private static final Logger LOG = Logger.getLogger(BatchRatings.class);
    public static final int MAX_ITEMS = 500;

    private final RatingService ratings;
    private final Duration maxDuration;

    /**
     * @param maxDuration how long one batch request may write: items not reached by then are answered as not
     *                    attempted, so a client that gave up does not leave a request writing on, and the answer
     *                    still says exactly which items were recorded
     */
    public BatchRatings(RatingService ratings,
            @ConfigProperty(name = "hcp.batch.max-duration", defaultValue = "PT20S") Duration maxDuration) {
        this.ratings = ratings;
        this.maxDuration = maxDuration;
    }

    /** The moment a batch started, to tell when it has used up its time. */
    public final class Deadline {
        private final long endsAt = System.nanoTime() + maxDuration.toNanos();

        public boolean passed() {
            return System.nanoTime() - endsAt > 0;
        }

        /** The answer of an item the batch did not reach in time. */
        public RatingOutcome notAttempted() {
            return new RatingOutcome.NotAttempted("not attempted: the batch reached its time limit of " + maxDuration
                    + " first; send this item again (its rating id makes a repeat harmless)");
        }
    }

    public Deadline deadline() {
        return new Deadline();
    }

    /** 422 for the whole request only when it cannot be read as a batch at all. */
    public static void checkSize(int size, String pointer) {
        if (size == 0 || size > MAX_ITEMS) {
            throw ProblemException.invalid(List.of(new FieldError(pointer, "每批 1 至 " + MAX_ITEMS + " 条 / a batch "
                    + "holds 1 to " + MAX_ITEMS + " ratings, this one has " + size)));
        }
    }

    /** Each item decided and recorded on its own; the outcomes in the items' order. */
    public List<RatingOutcome> submitAll(List<SubmitRating> items, String pointer, String caller) {
        checkSize(items.size(), pointer);
        Deadline deadline = deadline();
        List<RatingOutcome> outcomes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            outcomes.add(deadline.passed() ? deadline.notAttempted() : submitOne(i, items.get(i), caller));
        }
        return outcomes;
    }

    public RatingOutcome submitOne(int index, SubmitRating item, String caller) {
        if (item == null) {
            return new RatingOutcome.Rejected(List.of(new FieldError("/", "条目不能为空 / the item must not be null")));
        }
        try {
            return ratings.submit(item, null, caller);
        } catch (RuntimeException e) {
            // One item's unexpected failure must not lose the answers of the others.
            LOG.errorf(e, "batch item %d failed", index);
            return new RatingOutcome.Failed("item " + index + " could not be recorded; retry it");
        }
    }
}
