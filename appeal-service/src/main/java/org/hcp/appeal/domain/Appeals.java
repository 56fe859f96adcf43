package org.hcp.appeal.domain;

import org.hcp.events.RatingLevel;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingSubmitted;

/** What appeal-service keeps of a rating from hcp.ratings. */
public final class Appeals {

    private Appeals() {
    }

    /**
     * R3.1: a level 1 or 2 rating an evaluator gave may be appealed by the institution, platform or staff member it
     * rated; a system default is nobody's review to appeal.
     */
    public static boolean isAppealable(RatingSubmitted rating) {
        return isAppealable(rating.level(), rating.origin());
    }

    static boolean isAppealable(int level, RatingOrigin origin) {
        return RatingLevel.isBad(level) && origin == RatingOrigin.EVALUATOR;
    }

    /** R3.4's registering department: the platform the rating came through, else the handling institution. */
    public static String registeredBy(RatingSubmitted rating) {
        return rating.platformCode() != null ? rating.platformCode() : rating.institutionCode();
    }
}
