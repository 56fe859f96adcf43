package org.hcp.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hcp.events.Channel;
import org.hcp.events.ChinaTime;
import org.hcp.events.outcome.Outcome;
import org.hcp.events.outcome.Violation;
import org.hcp.events.text.Csv;
import org.hcp.intake.domain.SubmitRating;
import org.hcp.kit.db.Transactions;
import org.hcp.kit.rest.InputLimits;

/**
 * Paper forms (书面评价表, R1.8), transcribed by hall staff and imported as CSV. Every row is checked and recorded on
 * its own: a broken row is reported with its line and never blocks the good ones. A row's rating id comes from its
 * case and form number, so importing the same file again records nothing twice.
 */
@ApplicationScoped
public class PaperForms {

    public static final List<String> COLUMNS = List.of("formNo", "caseNumber", "visitId", "level", "tags",
            "businessLevel", "serviceLevel", "text", "ratedOn", "channel");
    static final List<String> REQUIRED = List.of("formNo", "caseNumber", "level");
    /** The paper channels: the form itself, and a slip from the hall's suggestion box. */
    static final List<Channel> PAPER_CHANNELS = List.of(Channel.PAPER_FORM, Channel.SUGGESTION_BOX);
    static final Pattern FORM_NO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,47}");
    public static final int MAX_ROWS = 5000;

    private final BatchRatings batch;
    private final CaseService cases;
    private final Clock clock;

    public PaperForms(BatchRatings batch, CaseService cases, Clock clock) {
        this.batch = batch;
        this.cases = cases;
        this.clock = clock;
    }

    /** One row's answer: outcome accepted, duplicate or rejected; {@code errors} say which column and why. */
    public record RowResult(int line, String formNo, String outcome, String ratingId, List<String> caseNumbers,
            List<Violation> errors) {
    }

    /** {@code skipped}: rows not attempted because the import reached its time limit; import them again. */
    public record ImportReport(int rows, int accepted, int duplicates, int rejected, int skipped,
            List<RowResult> results) {
    }

    /**
     * @param institutionScope a handler imports for its own institution only: a row of another institution's case
     *                         is rejected; null for roles without that scope
     */
    public Outcome<ImportReport> importCsv(java.io.Reader csv, String institutionScope) {
        List<Csv.Record> records;
        try {
            // Streamed: reading stops at the first row past the limit (the header is one more record).
            records = Csv.parse(csv, MAX_ROWS + 1);
        } catch (Csv.TooManyRecords e) {
            return Outcome.rejected(Violation.of("/", "paper.rows", MAX_ROWS, "> " + MAX_ROWS));
        } catch (Csv.Unreadable e) {
            return Outcome.rejected(Violation.unreadableCsv(e));
        }
        if (records.isEmpty()) {
            return Outcome.rejected(Violation.of("/", "paper.noHeader", String.join(",", COLUMNS)));
        }
        List<Violation> headerErrors = new ArrayList<>();
        Map<String, Integer> header = header(records.get(0), headerErrors);
        if (!headerErrors.isEmpty()) {
            return Outcome.rejected(headerErrors);
        }
        List<Csv.Record> rows = records.subList(1, records.size());
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            return Outcome.rejected(Violation.of("/", "paper.rows", MAX_ROWS, rows.size()));
        }
        List<Prepared> prepared = rows.stream().map(row -> prepareRow(row, header, institutionScope)).toList();
        List<RatingOutcome> outcomes = Transactions.await(batch.submitAll(prepared.stream()
                .map(Prepared::command).toList()));
        List<RowResult> results = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            Prepared p = prepared.get(i);
            results.add(p.rejected() != null ? p.rejected() : result(p, outcomes.get(i)));
        }
        int accepted = count(results, "accepted");
        int duplicates = count(results, "duplicate");
        int skipped = count(results, "skipped");
        return Outcome.done(new ImportReport(rows.size(), accepted, duplicates,
                rows.size() - accepted - duplicates - skipped, skipped, List.copyOf(results)));
    }

    /** A row read: either rejected already, or the rating command it carries. */
    private record Prepared(Csv.Record row, String formNo, RowResult rejected, SubmitRating command) {
    }

    private Prepared prepareRow(Csv.Record row, Map<String, Integer> header, String institutionScope) {
        Map<String, String> v = new HashMap<>();
        header.forEach((column, index) -> {
            String value = row.field(index);
            v.put(column, value == null || value.isBlank() ? null : value.strip());
        });
        List<Violation> errors = new ArrayList<>();
        if (row.fields().size() != header.size()) {
            errors.add(Violation.of("/", "paper.fieldCount", row.fields().size(), header.size()));
        }
        String formNo = v.get("formNo");
        if (formNo == null || !FORM_NO.matcher(formNo).matches()) {
            errors.add(Violation.of("/formNo", "paper.formNo"));
        }
        Integer level = number(errors, "level", v.get("level"));
        Integer business = number(errors, "businessLevel", v.get("businessLevel"));
        Integer service = number(errors, "serviceLevel", v.get("serviceLevel"));
        Instant ratedAt = ratedAt(errors, v.get("ratedOn"), v.get("caseNumber"));
        Channel channel = v.get("channel") == null ? Channel.PAPER_FORM : Channel.parse(v.get("channel"));
        if (channel == null || !PAPER_CHANNELS.contains(channel)) {
            errors.add(Violation.of("/channel", "paper.channel", PAPER_CHANNELS));
        }
        if (!errors.isEmpty()) {
            return new Prepared(row, formNo, new RowResult(row.line(), formNo, "rejected", null, List.of(), errors),
                    null);
        }
        List<SubmitRating.DimensionInput> dimensions = new ArrayList<>();
        if (business != null) {
            dimensions.add(new SubmitRating.DimensionInput("BUSINESS", business, null, null));
        }
        if (service != null) {
            dimensions.add(new SubmitRating.DimensionInput("SERVICE", service, null, null));
        }
        String caseNumber = v.get("caseNumber");
        String ratingId = caseNumber == null ? null : "paper-" + UUID.nameUUIDFromBytes(("paper\n" + caseNumber + "\n"
                + formNo).getBytes(StandardCharsets.UTF_8));
        SubmitRating command = SubmitRating.builder().ratingId(ratingId).caseNumber(caseNumber)
                .institutionCode(institutionScope).channel(channel.name()).level(level).tags(tags(v.get("tags")))
                .text(v.get("text")).dimensions(dimensions).ratedAt(ratedAt).visitId(v.get("visitId")).build();
        return new Prepared(row, formNo, null, command);
    }

    private static RowResult result(Prepared p, RatingOutcome outcome) {
        int line = p.row().line();
        if (outcome instanceof RatingOutcome.Recorded recorded) {
            // The same row again is a duplicate of what the first import recorded.
            return new RowResult(line, p.formNo(), recorded.replay() ? "duplicate" : "accepted",
                    recorded.ratingId(), recorded.caseNumbers(), List.of());
        }
        if (outcome instanceof RatingOutcome.NotAttempted) {
            return new RowResult(line, null, "skipped", null, List.of(), outcome.violations());
        }
        return new RowResult(line, p.formNo(), "rejected", null, List.of(), outcome.violations());
    }

    private static Map<String, Integer> header(Csv.Record first, List<Violation> errors) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < first.fields().size(); i++) {
            String name = first.fields().get(i).strip();
            if (!COLUMNS.contains(name)) {
                errors.add(Violation.of("/header/" + i, "paper.columnUnknown", name,
                        String.join(",", COLUMNS)));
            } else if (header.put(name, i) != null) {
                errors.add(Violation.of("/header/" + i, "paper.columnTwice", name));
            }
        }
        for (String required : REQUIRED) {
            if (!header.containsKey(required)) {
                errors.add(Violation.of("/header", "paper.columnMissing", required));
            }
        }
        return header;
    }

    private static Integer number(List<Violation> errors, String column, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            errors.add(Violation.of("/" + column, "paper.levelNumber", column, value));
            return null;
        }
    }

    /**
     * The form carries a day, not a time: the rating is dated at the start of that day in China time, or at the
     * case's completion when the form is from the completion day. The same row always gives the same time, so a
     * re-import is recognised as the same rating.
     */
    private Instant ratedAt(List<Violation> errors, String ratedOn, String caseNumber) {
        if (ratedOn == null) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(ratedOn);
        } catch (DateTimeParseException e) {
            errors.add(Violation.of("/ratedOn", "paper.ratedOnFormat", ratedOn));
            return null;
        }
        if (!InputLimits.inRange(day)) {
            errors.add(Violation.of("/ratedOn", "paper.ratedOnFormat", ratedOn));
            return null;
        }
        if (day.isAfter(LocalDate.now(clock.withZone(ChinaTime.ZONE)))) {
            errors.add(Violation.of("/ratedOn", "paper.ratedOnFuture", day));
            return null;
        }
        var stored = caseNumber == null ? null : cases.find(caseNumber);
        Instant startOfDay = day.atStartOfDay(ChinaTime.ZONE).toInstant();
        if (stored == null) {
            return startOfDay;
        }
        Instant completed = stored.serviceCase().completedAt();
        if (day.isBefore(LocalDate.ofInstant(completed, ChinaTime.ZONE))) {
            errors.add(Violation.of("/ratedOn", "paper.ratedOnBeforeCompleted", day));
            return null;
        }
        return completed.isAfter(startOfDay) ? completed : startOfDay;
    }

    private static List<String> tags(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("[;|、]")).map(String::strip)
                .filter(t -> !t.isEmpty()).toList();
    }

    private static int count(List<RowResult> results, String outcome) {
        return (int) results.stream().filter(r -> r.outcome().equals(outcome)).count();
    }
}
