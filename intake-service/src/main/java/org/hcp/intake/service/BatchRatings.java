package org.hcp.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.hcp.intake.domain.SubmitRating;
import org.hcp.kit.rest.Problem;
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

    public BatchRatings(RatingService ratings) {
        this.ratings = ratings;
    }

    /** One item's answer: {@code status} is the HTTP status the item would have had on its own. */
    public record ItemResult(int index, String outcome, int status, String ratingId, List<String> caseNumbers,
            Problem problem) {
    }

    public record BatchResult(int received, int accepted, int replayed, int rejected, List<ItemResult> results) {
    }

    /** 422 for the whole request only when it cannot be read as a batch at all. */
    public static void checkSize(int size, String pointer) {
        if (size == 0 || size > MAX_ITEMS) {
            throw ProblemException.invalid(List.of(new FieldError(pointer, "每批 1 至 " + MAX_ITEMS + " 条 / a batch "
                    + "holds 1 to " + MAX_ITEMS + " ratings, this one has " + size)));
        }
    }

    public BatchResult submitAll(List<SubmitRating> items, String pointer, String caller) {
        checkSize(items.size(), pointer);
        List<ItemResult> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            results.add(submitOne(i, items.get(i), pointer + "/" + i, caller));
        }
        return summary(results);
    }

    public ItemResult submitOne(int index, SubmitRating item, String pointer, String caller) {
        if (item == null) {
            return rejected(index, pointer, new ProblemException(422, "validation", "条目为空 / Empty item",
                    "item " + index + " is null", List.of(new FieldError("/", "条目不能为空 / must not be null"))));
        }
        try {
            RatingService.Accepted a = ratings.submit(item, null, caller);
            return new ItemResult(index, a.replay() ? "replayed" : "accepted", 202, a.ratingId(), a.caseNumbers(),
                    null);
        } catch (ProblemException e) {
            return rejected(index, pointer, e);
        } catch (RuntimeException e) {
            // One item's unexpected failure must not lose the answers of the others.
            LOG.errorf(e, "batch item %d failed", index);
            return rejected(index, pointer, new ProblemException(500, "internal", "内部错误 / Internal error",
                    "item " + index + " could not be recorded; retry it", List.of()));
        }
    }

    public static BatchResult summary(List<ItemResult> results) {
        int accepted = (int) results.stream().filter(r -> r.outcome().equals("accepted")).count();
        int replayed = (int) results.stream().filter(r -> r.outcome().equals("replayed")).count();
        return new BatchResult(results.size(), accepted, replayed, results.size() - accepted - replayed,
                List.copyOf(results));
    }

    static ItemResult rejected(int index, String pointer, ProblemException e) {
        return new ItemResult(index, "rejected", e.status(), null, List.of(), e.toProblem(pointer));
    }
}
