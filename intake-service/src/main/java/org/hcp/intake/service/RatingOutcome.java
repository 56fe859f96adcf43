package org.hcp.intake.service;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hcp.events.outcome.Text;
import org.hcp.events.outcome.Violation;

/**
 * What became of a submitted rating. Channels switch on it (the SMS reply, the rating page, batches, paper imports);
 * only {@code rest/} turns it into HTTP ({@code RatingAnswers}). Every outcome but {@link Recorded} wrote nothing.
 */
public sealed interface RatingOutcome {

    /** Why nothing was recorded, as message keys at a place in the request (a conflict names the whole, "/"). */
    List<Violation> violations();

    /** Recorded now, or earlier by the same request when {@code replay} (a retry gets the first answer). */
    record Recorded(String ratingId, UUID eventId, List<String> caseNumbers, boolean replay) implements RatingOutcome {
        @Override
        public List<Violation> violations() {
            return List.of();
        }
    }

    /** A rule is broken (R1.1–R1.11); each violation names its field. */
    record Rejected(List<Violation> violations) implements RatingOutcome {
        public Rejected {
            violations = List.copyOf(violations);
        }
    }

    /** R1.4: the case (visit, batch, chain) has its one rating already. */
    record AlreadyRated(Text reason) implements RatingOutcome {
        @Override
        public List<Violation> violations() {
            return List.of(new Violation("/", reason));
        }
    }

    /** The rating id (or Idempotency-Key) was used before for a different rating. */
    record IdTaken(String ratingId) implements RatingOutcome {
        @Override
        public List<Violation> violations() {
            return List.of(Violation.of("/", "rating.idTaken", ratingId));
        }
    }

    /** What the channel takes with the rating (a rating link, an SMS invitation) was used up by another rating. */
    record ClaimUsed(Text reason) implements RatingOutcome {
        @Override
        public List<Violation> violations() {
            return List.of(new Violation("/", reason));
        }
    }

    /** A batch item not attempted: the batch reached its time limit first. Nothing of it was recorded. */
    record NotAttempted(Duration limit) implements RatingOutcome {
        @Override
        public List<Violation> violations() {
            return List.of(Violation.of("/", "batch.notAttempted", limit));
        }
    }

    /** The item could not be recorded for a reason of ours (logged); retrying it is safe. */
    record Failed() implements RatingOutcome {
        @Override
        public List<Violation> violations() {
            return List.of(Violation.of("/", "rating.failed"));
        }
    }
}
