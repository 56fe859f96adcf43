package org.hcp.appeal.domain;

import org.hcp.events.RatingLevel;
import org.hcp.events.RatingSubmitted;

/** The rules of appeals that exist so far; the case file's decide/evolve core grows here. */
public final class Appeals {

    private Appeals() {
    }

    /** R3.1: only a level 1 or 2 rating may be appealed by the institution, platform or staff member it rated. */
    public static boolean isAppealable(RatingSubmitted rating) {
        return RatingLevel.isBad(rating.level());
    }
}
