package org.hcp.rectification.repository;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hcp.events.Channel;
import org.hcp.events.rectification.Classification;
import org.hcp.events.rectification.RectificationStep;
import org.hcp.events.rectification.Resolution;
import org.hcp.rectification.domain.LedgerEntry;
import org.hcp.rectification.domain.RectificationState.Status;

/** A ledger entry to and from a row of {@code rectification}: the column order in one place. */
final class LedgerRows {

    static final List<String> NAMES = List.of("rectification_id", "region_code", "institution_code", "window_code",
            "staff_id", "item_code", "channel", "level", "tags", "rating_ids", "case_numbers", "real_name", "status",
            "responsible_person", "callback_attempts", "callback_due_at", "first_contact_at", "classification",
            "due_at", "feedback_due_at", "resolution", "measures", "resolved_at", "verification_due_at",
            "last_feedback_at", "overdue_steps", "late", "interviewed", "deadlines_provisional", "rated_at",
            "opened_at", "closed_at", "closed_on_time", "next_due_at", "overdue_check_at", "events");
    static final String COLUMNS = String.join(", ", NAMES);
    static final String PLACEHOLDERS = IntStream.rangeClosed(1, NAMES.size()).mapToObj(i -> "$" + i)
            .collect(Collectors.joining(", "));
    static final String UPDATES = NAMES.stream().skip(1).map(n -> n + " = EXCLUDED." + n)
            .collect(Collectors.joining(", "));

    private LedgerRows() {
    }

    static Tuple tuple(LedgerEntry e) {
        return Tuple.tuple(Arrays.asList(e.rectificationId(), e.regionCode(), e.institutionCode(), e.windowCode(),
                e.staffId(), e.itemCode(), e.channel().name(), (short) e.level(), strings(e.tags()),
                strings(e.ratingIds()), strings(e.caseNumbers()), e.realName(), e.status().name(),
                e.responsiblePerson(), e.callbackAttempts(), utc(e.callbackDueAt()), utc(e.firstContactAt()),
                name(e.classification()), utc(e.dueAt()), utc(e.feedbackDueAt()), name(e.resolution()), e.measures(),
                utc(e.resolvedAt()), utc(e.verificationDueAt()), utc(e.lastFeedbackAt()),
                e.overdueSteps().stream().sorted().map(Enum::name).toArray(String[]::new), e.late(), e.interviewed(),
                e.deadlinesProvisional(), utc(e.ratedAt()), utc(e.openedAt()), utc(e.closedAt()), e.closedOnTime(),
                utc(e.nextDueAt()), utc(e.overdueCheckAt()), e.events()));
    }

    static LedgerEntry entry(Row r) {
        String classification = r.getString("classification");
        String resolution = r.getString("resolution");
        Set<RectificationStep> overdue = EnumSet.noneOf(RectificationStep.class);
        Arrays.stream(r.getArrayOfStrings("overdue_steps")).map(RectificationStep::valueOf).forEach(overdue::add);
        return new LedgerEntry(r.getString("rectification_id"), r.getString("region_code"),
                r.getString("institution_code"), r.getString("window_code"), r.getString("staff_id"),
                r.getString("item_code"), Channel.valueOf(r.getString("channel")), r.getShort("level"),
                List.of(r.getArrayOfStrings("tags")), List.of(r.getArrayOfStrings("rating_ids")),
                List.of(r.getArrayOfStrings("case_numbers")), r.getBoolean("real_name"),
                Status.valueOf(r.getString("status")), r.getString("responsible_person"),
                r.getInteger("callback_attempts"), instant(r, "callback_due_at"), instant(r, "first_contact_at"),
                classification == null ? null : Classification.valueOf(classification), instant(r, "due_at"),
                instant(r, "feedback_due_at"), resolution == null ? null : Resolution.valueOf(resolution),
                r.getString("measures"), instant(r, "resolved_at"), instant(r, "verification_due_at"),
                instant(r, "last_feedback_at"), overdue, r.getBoolean("late"), r.getBoolean("interviewed"),
                r.getBoolean("deadlines_provisional"), instant(r, "rated_at"), instant(r, "opened_at"),
                instant(r, "closed_at"), r.getBoolean("closed_on_time"), instant(r, "next_due_at"),
                instant(r, "overdue_check_at"), r.getInteger("events"));
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime at = r.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }

    private static String[] strings(List<String> values) {
        return values.toArray(new String[0]);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
