package org.hcp.intake.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hcp.events.outcome.Text;
import org.hcp.intake.service.RatingOutcome;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;
import org.hcp.kit.text.Messages;

/**
 * Where a rating's outcome becomes HTTP, for every channel that answers in JSON: one rating (202, or problem+json
 * 409/422) and the per-item answers of a batch.
 */
public final class RatingAnswers {

    private RatingAnswers() {
    }

    public record AcceptedRating(String ratingId, UUID eventId, String status, List<String> caseNumbers) {
    }

    /** One item's answer: {@code status} is the HTTP status the item would have had on its own. */
    public record ItemResult(int index, String outcome, int status, String ratingId, List<String> caseNumbers,
            Problem problem) {
    }

    /** {@code skipped}: items not attempted because the batch reached its time limit; send them again. */
    public record BatchResult(int received, int accepted, int replayed, int rejected, int skipped,
            List<ItemResult> results) {
    }

    /** 202 with the rating's location, or the outcome's problem. */
    static Response answer(RatingOutcome outcome) {
        if (outcome instanceof RatingOutcome.Recorded recorded) {
            return Response.accepted(new AcceptedRating(recorded.ratingId(), recorded.eventId(), "accepted",
                            recorded.caseNumbers()))
                    .location(URI.create("/api/v1/ratings/" + recorded.ratingId()))
                    .type(MediaType.APPLICATION_JSON)
                    .build();
        }
        throw problem(outcome);
    }

    static ProblemException problem(RatingOutcome outcome) {
        if (outcome instanceof RatingOutcome.Recorded) {
            throw new IllegalArgumentException("a recorded rating is no problem");
        }
        if (outcome instanceof RatingOutcome.Rejected r) {
            return ProblemException.invalid(r.violations());
        }
        // Every other outcome is one reason for the whole request; the detail says it in English, for logs.
        String detail = Messages.render(outcome.violations().get(0).text(), Messages.EN);
        if (outcome instanceof RatingOutcome.AlreadyRated) {
            return ProblemException.conflict("already-rated", Text.of("rating.alreadyRated"), detail);
        }
        if (outcome instanceof RatingOutcome.IdTaken) {
            return ProblemException.conflict("idempotency-conflict", Text.of("rating.idTaken.title"), detail);
        }
        if (outcome instanceof RatingOutcome.ClaimUsed) {
            return ProblemException.conflict("link-used", Text.of("link.used.title"), detail);
        }
        if (outcome instanceof RatingOutcome.NotAttempted) {
            return new ProblemException(503, "batch-time-limit", Text.of("batch.notAttempted.title"), detail,
                    List.of());
        }
        if (outcome instanceof RatingOutcome.Failed) {
            return new ProblemException(500, "internal", Text.of("problem.internal"), detail, List.of());
        }
        throw new IllegalArgumentException("an outcome without an answer: " + outcome);
    }

    /** Every item answered on its own, at {@code pointer}/index. */
    static BatchResult batch(List<RatingOutcome> outcomes, String pointer, Locale locale) {
        List<ItemResult> results = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            results.add(item(i, pointer + "/" + i, outcomes.get(i), locale));
        }
        int accepted = (int) results.stream().filter(r -> r.outcome().equals("accepted")).count();
        int replayed = (int) results.stream().filter(r -> r.outcome().equals("replayed")).count();
        int skipped = (int) results.stream().filter(r -> r.outcome().equals("skipped")).count();
        return new BatchResult(results.size(), accepted, replayed, results.size() - accepted - replayed - skipped,
                skipped, List.copyOf(results));
    }

    private static ItemResult item(int index, String pointer, RatingOutcome outcome, Locale locale) {
        if (outcome instanceof RatingOutcome.Recorded r) {
            return new ItemResult(index, r.replay() ? "replayed" : "accepted", 202, r.ratingId(), r.caseNumbers(),
                    null);
        }
        ProblemException problem = problem(outcome);
        String result = outcome instanceof RatingOutcome.NotAttempted ? "skipped" : "rejected";
        return new ItemResult(index, result, problem.status(), null, List.of(), problem.toProblem(pointer, locale));
    }
}
