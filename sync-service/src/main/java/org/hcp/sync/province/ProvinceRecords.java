package org.hcp.sync.province;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hcp.events.CaseKind;
import org.hcp.events.ChinaTime;
import org.hcp.events.NationalCodes;
import org.hcp.events.RatingOrigin;
import org.hcp.events.FollowUpRated;
import org.hcp.events.RatingSubmitted;

/**
 * Our events as the records of the provincial interface (R5.4, R5.5; docs/sync.md), as pure functions of an event and
 * a {@link ProvinceProfile}. Field names are the interface's. No evaluator identity leaves the platform: the
 * events hold none (only a pseudonym, which is not sent), so {@code userName}, certificate and {@code mobile} are
 * never filled.
 */
public final class ProvinceRecords {

    /** R5.4: 评价时间 YYYYMMDDThhmmss, in China's time. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ChinaTime.ZONE);

    /** R5.5 {@code proStatus} of a completed case: the only kind rated. */
    static final int COMPLETED = 3;

    private ProvinceRecords() {
    }

    /** The case, which R5.5 wants registered before its rating: built from what the rating carries of it. */
    public static Map<String, Object> caseOf(RatingSubmitted rating) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("projectNo", rating.caseNumber());
        record.put("taskCode", rating.itemCode());
        record.put("proDepart", rating.institutionCode());
        record.put("areaCode", areaCode(rating.regionCode()));
        record.put("proStatus", COMPLETED);
        record.put("caseKind", caseKindCode(rating.caseKind()));
        if (rating.caseCompletedAt() != null) {
            record.put("resultDate", time(rating.caseCompletedAt()));
        }
        return record;
    }

    /** One rating as an {@code evaluate} item. */
    public static Map<String, Object> rating(RatingSubmitted rating, ProvinceProfile profile) {
        boolean isDefault = rating.origin() == RatingOrigin.DEFAULT_RATING;
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("evaluateId", rating.ratingId());
        record.put("projectNo", rating.caseNumber());
        record.put("taskCode", rating.itemCode());
        record.put("proDepart", rating.institutionCode());
        record.put("areaCode", areaCode(rating.regionCode()));
        record.put("pf", profile.pfOf(rating.channel(), isDefault));
        // R5.5 satisfaction runs 1 = 非常不满意 … 5 = 非常满意; R5.4's 满意度代码 the other way: both explicit.
        record.put("satisfaction", NationalCodes.pushSatisfaction(rating.level()));
        record.put("satisfactionCode", NationalCodes.gbt39046SatisfactionCode(rating.level()));
        record.put("evalDetail", String.join(",", rating.tags()));
        record.put("writingEvaluation", rating.text() == null ? "" : rating.text());
        record.put("assessTime", time(rating.ratedAt()));
        record.put("assessNumber", rating.assessNumber());
        if (rating.evaluatorType() != null) {
            record.put("userProp", rating.evaluatorType().nationalCode());
        }
        record.put("appStatus", profile.appStatus().adopted());
        if (isDefault && profile.defaultRating().markerField() != null) {
            record.put(profile.defaultRating().markerField(), profile.defaultRating().markerValue());
        }
        return record;
    }

    /** 追评: a follow-up rating as an {@code evaluate} item of its own, as the profile says (docs/sync.md). */
    public static Map<String, Object> followUp(FollowUpRated f, ProvinceProfile profile) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("evaluateId", f.followUpId());
        record.put("projectNo", f.caseNumber());
        record.put("taskCode", f.itemCode());
        record.put("proDepart", f.institutionCode());
        record.put("areaCode", areaCode(f.regionCode()));
        record.put("pf", profile.pfOf(f.channel(), false));
        record.put("satisfaction", NationalCodes.pushSatisfaction(f.level()));
        record.put("satisfactionCode", NationalCodes.gbt39046SatisfactionCode(f.level()));
        record.put("evalDetail", "");
        record.put("writingEvaluation", f.text() == null ? "" : f.text());
        record.put("assessTime", time(f.ratedAt()));
        record.put("assessNumber", profile.followUpRating().assessNumber());
        record.put(profile.followUpRating().linkField(), f.ratingId());
        record.put("appStatus", profile.appStatus().adopted());
        return record;
    }

    /** R3.4: a rating no longer (or again) adopted after an appeal, as its own later record. */
    public static Map<String, Object> statusChange(String ratingId, boolean adopted, Instant at,
            ProvinceProfile profile) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("evaluateId", ratingId);
        record.put("appStatus", adopted ? profile.appStatus().adopted() : profile.appStatus().notAdopted());
        record.put("changeTime", time(at));
        return record;
    }

    /** Could a province tell, from this record alone, that the system made it (R1.9)? */
    public static boolean isDefaultRating(Map<String, Object> record, ProvinceProfile profile) {
        ProvinceProfile.DefaultRating marking = profile.defaultRating();
        if (!Integer.valueOf(marking.pf()).equals(record.get("pf"))) {
            return false;
        }
        return marking.markerField() == null || marking.markerValue().equals(record.get(marking.markerField()));
    }

    /** R5.5 {@code areaCode}: 12 digits, the GB/T 2260 code padded with zeros. */
    static String areaCode(String region) {
        StringBuilder code = new StringBuilder(region);
        while (code.length() < 12) {
            code.append('0');
        }
        return code.toString();
    }

    /** R5.4 appendix A.6: 1 即办件, 2 承诺件, 9 其他. */
    static int caseKindCode(CaseKind kind) {
        if (kind == null) {
            return 9;
        }
        return kind.nationalCode();
    }

    /** R5.4's time format, for the envelope's {@code time} too. */
    public static String assessTime(Instant at) {
        return time(at);
    }

    static String time(Instant at) {
        return TIME.format(at);
    }
}
