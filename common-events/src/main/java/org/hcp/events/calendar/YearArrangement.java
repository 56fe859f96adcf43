package org.hcp.events.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hcp.events.text.Csv;

/**
 * The official holiday arrangement of one year (State Council notice): its holidays and make-up working days.
 * Every other Saturday and Sunday is a day off and every other weekday a working day.
 *
 * <p>The CSV form is the one of {@code calendar/2025.csv}: {@code date,kind,name}, {@code #} comments.
 */
public record YearArrangement(int year, List<CalendarDay> days) {

    public YearArrangement {
        days = List.copyOf(days);
    }

    /**
     * A line of a CSV that could not be read, and why: a message key ({@code calendar.*}, worded in the loading
     * service's bundle) and its arguments.
     */
    public record LineError(int line, String key, List<String> args) {
        LineError(int line, String key, Object... args) {
            this(line, key, java.util.Arrays.stream(args).map(String::valueOf).toList());
        }
    }

    public static final class InvalidArrangementException extends RuntimeException {
        private final transient List<LineError> errors;

        public InvalidArrangementException(List<LineError> errors) {
            super("invalid calendar: " + errors);
            this.errors = List.copyOf(errors);
        }

        public List<LineError> errors() {
            return errors;
        }
    }

    /** Reads and checks a year's CSV; every broken line is reported, nothing is half-read. */
    public static YearArrangement parseCsv(int year, String csv) {
        List<LineError> errors = new ArrayList<>();
        List<CalendarDay> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        List<Csv.Record> records;
        try {
            records = Csv.parse(csv);
        } catch (Csv.Unreadable e) {
            throw new InvalidArrangementException(List.of(new LineError(e.line, e.key, e.args())));
        }
        for (Csv.Record record : records) {
            int number = record.line();
            List<String> cells = record.fields();
            if (cells.get(0).strip().equals("date")) {
                continue; // the header
            }
            if (cells.size() < 2) {
                errors.add(new LineError(number, "calendar.columns"));
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(cells.get(0).strip());
            } catch (DateTimeParseException e) {
                errors.add(new LineError(number, "calendar.date", cells.get(0)));
                continue;
            }
            DayKind kind;
            try {
                kind = DayKind.valueOf(cells.get(1).strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new LineError(number, "calendar.kind", cells.get(1)));
                continue;
            }
            if (date.getYear() != year) {
                errors.add(new LineError(number, "calendar.otherYear", date, year));
            } else if (!seen.add(date)) {
                errors.add(new LineError(number, "calendar.twice", date));
            } else if (kind == DayKind.WORKDAY && !isWeekend(date)) {
                errors.add(new LineError(number, "calendar.weekdayWorkday", date));
            } else {
                days.add(new CalendarDay(date, kind, cells.size() > 2 ? cells.get(2).strip() : ""));
            }
        }
        if (days.isEmpty() && errors.isEmpty()) {
            errors.add(new LineError(0, "calendar.empty"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidArrangementException(errors);
        }
        return new YearArrangement(year, days);
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
