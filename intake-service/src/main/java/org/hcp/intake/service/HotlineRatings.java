package org.hcp.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hcp.events.Channel;
import org.hcp.events.outcome.Outcome;
import org.hcp.events.outcome.Violation;
import org.hcp.intake.domain.SubmitRating;
import org.hcp.kit.db.Transactions;

/**
 * The 12345 hotline (R1.8): the hotline platform pushes the ratings its callers gave by voice prompt or SMS, one
 * record or many at a time. Its work-order number makes the rating id, so a record pushed twice is recorded once.
 */
@ApplicationScoped
public class HotlineRatings {

    static final Pattern WORK_ORDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    private final BatchRatings batch;

    public HotlineRatings(BatchRatings batch) {
        this.batch = batch;
    }

    /**
     * One hotline record: {@code workOrderNo} is the hotline's 工单编号; the rest as in a channel's rating.
     * {@code evaluator} is optional (real-name callers, R1.10).
     */
    public record HotlineRecord(String workOrderNo, String caseNumber, String visitId, Integer level, List<String> tags,
            String text, Instant ratedAt, SubmitRating.EvaluatorInput evaluator) {
    }

    /** Each record decided and recorded on its own; the outcomes in the records' order. */
    public Outcome<List<RatingOutcome>> push(List<HotlineRecord> records) {
        List<Violation> size = BatchRatings.sizeViolations(records.size(), "");
        if (!size.isEmpty()) {
            return Outcome.rejected(size);
        }
        List<RatingOutcome> checked = new ArrayList<>();
        List<SubmitRating> commands = new ArrayList<>();
        for (HotlineRecord r : records) {
            boolean badWorkOrder = r != null && (r.workOrderNo() == null
                    || !WORK_ORDER.matcher(r.workOrderNo()).matches());
            checked.add(badWorkOrder ? new RatingOutcome.Rejected(List.of(Violation.of("/workOrderNo",
                    "hotline.workOrderFormat"))) : null);
            commands.add(r == null || badWorkOrder ? null : SubmitRating.builder().ratingId(ratingId(r.workOrderNo()))
                    .caseNumber(r.caseNumber()).channel(Channel.HOTLINE_12345.name()).level(r.level()).tags(r.tags())
                    .text(r.text()).evaluator(r.evaluator()).ratedAt(r.ratedAt()).visitId(r.visitId()).build());
        }
        List<RatingOutcome> recorded = Transactions.await(batch.submitAll(commands));
        List<RatingOutcome> results = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            results.add(checked.get(i) != null ? checked.get(i) : recorded.get(i));
        }
        return Outcome.done(results);
    }

    static String ratingId(String workOrderNo) {
        return "12345-" + UUID.nameUUIDFromBytes(("12345\n" + workOrderNo).getBytes(StandardCharsets.UTF_8));
    }
}
