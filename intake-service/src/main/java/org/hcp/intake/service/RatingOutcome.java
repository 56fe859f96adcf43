package org.hcp.intake.service;

import java.util.List;
import java.util.UUID;
import org.hcp.kit.rest.Problem.FieldError;

/**
 * What became of a submitted rating. Channels switch on it (the SMS reply, the rating page, batches, paper imports);
 * only {@code rest/} turns it into HTTP ({@code RatingAnswers}). Every outcome but {@link Recorded} wrote nothing.
 */
public sealed interface RatingOutcome {

    /** Why nothing was recorded, as field errors (a conflict names the whole request, "/"). */
    List<FieldError> errors();

    /** Recorded now, or earlier by the same request when {@code replay} (a retry gets the first answer). */
    record Recorded(String ratingId, UUID eventId, List<String> caseNumbers, boolean replay) implements RatingOutcome {
        @Override
        public List<FieldError> errors() {
            return List.of();
        }
    }

    /** A rule is broken (R1.1–R1.11); each violation names its field. */
    record Rejected(List<FieldError> violations) implements RatingOutcome {
        @Override
        public List<FieldError> errors() {
            return violations;
        }
    }

    /** R1.4: the case (visit, batch, chain) has its one rating already. */
    record AlreadyRated(String detail) implements RatingOutcome {
        @Override
        public List<FieldError> errors() {
            return List.of(new FieldError("/", detail));
        }
    }

    /** The rating id (or Idempotency-Key) was used before for a different rating. */
    record IdTaken(String ratingId) implements RatingOutcome {
        public String detail() {
            return "rating " + ratingId + " was already submitted with a different body; a retry must send the same "
                    + "body, a new rating needs a new id";
        }

        @Override
        public List<FieldError> errors() {
            return List.of(new FieldError("/", detail()));
        }
    }

    /** What the channel takes with the rating (a rating link) was used up by another rating. */
    record ClaimUsed(String detail) implements RatingOutcome {
        @Override
        public List<FieldError> errors() {
            return List.of(new FieldError("/", detail));
        }
    }

    /** A batch item not attempted: the batch reached its time limit first. Nothing of it was recorded. */
    record NotAttempted(String detail) implements RatingOutcome {
        @Override
        public List<FieldError> errors() {
            return List.of(new FieldError("/", detail));
        }
    }

    /** The item could not be recorded for a reason of ours (logged); retrying it is safe. */
    record Failed(String detail) implements RatingOutcome {
        @Override
        public List<FieldError> errors() {
            return List.of(new FieldError("/", detail));
        }
    }
}
