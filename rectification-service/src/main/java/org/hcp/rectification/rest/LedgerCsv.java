package org.hcp.rectification.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hcp.events.ChinaTime;
import org.hcp.events.text.Csv;
import org.hcp.kit.text.Messages;
import org.hcp.rectification.domain.LedgerEntry;

/** The ledger as a spreadsheet: headers in the reader's language, times in Beijing time. */
final class LedgerCsv {

    private static final List<String> COLUMNS = List.of("id", "region", "institution", "window", "item", "level",
            "tags", "cases", "realName", "status", "responsible", "classification", "resolution", "measures",
            "openedAt", "callbackDueAt", "firstContactAt", "dueAt", "resolvedAt", "overdueSteps", "late", "closedAt",
            "closedOnTime", "nextDueAt");
    private LedgerCsv() {
    }

    static String write(List<LedgerEntry> entries, Locale locale) {
        List<List<String>> rows = new ArrayList<>(entries.size() + 1);
        rows.add(COLUMNS.stream().map(c -> Messages.render("ledger.column." + c, locale)).toList());
        for (LedgerEntry e : entries) {
            rows.add(List.of(e.rectificationId(), e.regionCode(), e.institutionCode(), text(e.windowCode()),
                    e.itemCode(), String.valueOf(e.level()), String.join(";", e.tags()),
                    String.join(";", e.caseNumbers()), String.valueOf(e.realName()), e.status().name(),
                    text(e.responsiblePerson()), name(e.classification()), name(e.resolution()), text(e.measures()),
                    time(e.openedAt()), time(e.callbackDueAt()), time(e.firstContactAt()), time(e.dueAt()),
                    time(e.resolvedAt()), String.join(";", e.overdueSteps().stream().map(Enum::name).sorted().toList()),
                    String.valueOf(e.late()), time(e.closedAt()),
                    e.closedOnTime() == null ? "" : e.closedOnTime().toString(), time(e.nextDueAt())));
        }
        return Csv.write(rows);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String name(Enum<?> e) {
        return e == null ? "" : e.name();
    }

    private static String time(Instant at) {
        return at == null ? "" : ChinaTime.MINUTES.format(at);
    }
}
