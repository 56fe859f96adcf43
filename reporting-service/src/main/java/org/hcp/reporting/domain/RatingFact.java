package org.hcp.reporting.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hcp.events.ChinaTime;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingLevel;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingSubmitted;

/**
 * What statistics keep of a rating: where and when it counts, its level and origin, its tags, and whether it is
 * adopted (R3.4: a not-adopted rating counts nowhere; R3.5: a reinstated one counts again).
 */
public record RatingFact(String ratingId, UUID eventId, String caseNumber, Dimensions dimensions, int level,
        RatingOrigin origin, LocalDate day, List<String> tags, boolean adopted) implements Fact {

    /** The statistics day is the rating's own day in China, not the day we happened to read it. */
    public static RatingFact of(EventEnvelope<RatingSubmitted> event) {
        RatingSubmitted r = event.payload();
        return new RatingFact(r.ratingId(), event.eventId(), r.caseNumber(),
                new Dimensions(r.regionCode(), r.institutionCode(), r.windowCode(), r.staffId(), r.platformCode(),
                        r.itemCode(), r.channel().name()),
                r.level(), r.origin(), r.ratedAt().atZone(ChinaTime.ZONE).toLocalDate(), r.tags(), true);
    }

    public RatingFact withAdopted(boolean isAdopted) {
        return new RatingFact(ratingId, eventId, caseNumber, dimensions, level, origin, day, tags, isAdopted);
    }

    /** An evaluator's own adopted rating makes its case rated (R4.1 coverage). */
    public boolean ratesItsCase() {
        return adopted && origin == RatingOrigin.EVALUATOR;
    }

    /** One rating at its origin and level; a bad review also counts each of its tags once (R4.6). */
    @Override
    public List<Contribution> contributions() {
        if (!adopted) {
            return List.of();
        }
        List<Contribution> out = new ArrayList<>(1 + tags.size());
        out.add(Contribution.of(dimensions, day, Measure.rating(origin, level)));
        if (RatingLevel.isBad(level)) {
            tags.stream().distinct().forEach(tag -> out.add(Contribution.of(dimensions, day, Measure.tag(tag))));
        }
        return out;
    }
}
