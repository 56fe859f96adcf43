package org.hcp.intake.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.outcome.Violation;
import org.hcp.intake.domain.SubmitRating;
import org.jboss.logging.Logger;

/**
 * Many ratings in one request (channel platforms, the 12345 hotline, paper forms): each item is decided and answered
 * on its own, so a bad item never blocks a good one; they are recorded in chunks of {@value #CHUNK}, one transaction
 * per chunk, so that a batch costs a few round trips per chunk rather than per item (docs/performance.md).
 */
@ApplicationScoped
public class BatchRatings {

    private static final Logger LOG = Logger.getLogger(BatchRatings.class);
    public static final int MAX_ITEMS = 500;
    static final int CHUNK = 100;

    private final RatingService ratings;
    private final Duration maxDuration;

    /**
     * @param maxDuration how long one batch request may write: chunks not begun by then are answered as not
     *                    attempted (the first chunk always runs), so a client that gave up does not leave a request
     *                    writing on, and the answer still says exactly which items were recorded
     */
    public BatchRatings(RatingService ratings,
            @ConfigProperty(name = "hcp.batch.max-duration", defaultValue = "PT20S") Duration maxDuration) {
        this.ratings = ratings;
        this.maxDuration = maxDuration;
    }

    /** 422 for the whole request only when it cannot be read as a batch at all. */
    /** What is wrong with a batch of {@code size} items as a whole: nothing, or its size. */
    public static List<Violation> sizeViolations(int size, String pointer) {
        return size == 0 || size > MAX_ITEMS
                ? List.of(Violation.of(pointer.isEmpty() ? "/" : pointer, "batch.size", MAX_ITEMS, size))
                : List.of();
    }

    /**
     * Each item decided and recorded on its own; the outcomes in the items' order. A null item is answered as
     * rejected; callers that checked an item themselves pass null and put their own answer in its place.
     */
    public Uni<List<RatingOutcome>> submitAll(List<SubmitRating> items) {
        long endsAt = System.nanoTime() + maxDuration.toNanos();
        List<List<SubmitRating>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += CHUNK) {
            chunks.add(items.subList(from, Math.min(items.size(), from + CHUNK)));
        }
        // One chunk after the other, in order: a later item sees what an earlier chunk recorded.
        return Multi.createFrom().range(0, chunks.size())
                .onItem().transformToUniAndConcatenate(i -> i > 0 && System.nanoTime() - endsAt > 0
                        ? Uni.createFrom().item(Collections.nCopies(chunks.get(i).size(), notAttempted()))
                        : submitChunk(chunks.get(i)))
                .collect().asList()
                .map(answers -> answers.stream().flatMap(List::stream).toList());
    }

    private Uni<List<RatingOutcome>> submitChunk(List<SubmitRating> chunk) {
        List<SubmitRating> present = chunk.stream().filter(java.util.Objects::nonNull).toList();
        Uni<List<RatingOutcome>> recorded = present.isEmpty() ? Uni.createFrom().item(List.of())
                : ratings.submitAll(present);
        return recorded
                .onFailure().recoverWithItem(e -> {
                    // One chunk's unexpected failure must not lose the answers of the others.
                    LOG.errorf(e, "a chunk of %d batch items could not be recorded", present.size());
                    return Collections.nCopies(present.size(),
                            new RatingOutcome.Failed());
                })
                .map(outcomes -> {
                    List<RatingOutcome> answers = new ArrayList<>(chunk.size());
                    int next = 0;
                    for (SubmitRating item : chunk) {
                        answers.add(item == null ? new RatingOutcome.Rejected(List.of(Violation.of("/",
                                "batch.itemNull"))) : outcomes.get(next++));
                    }
                    return answers;
                });
    }

    /** The answer of an item the batch did not reach in time. */
    private RatingOutcome notAttempted() {
        return new RatingOutcome.NotAttempted(maxDuration);
    }
}
