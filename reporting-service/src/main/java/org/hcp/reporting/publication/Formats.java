package org.hcp.reporting.publication;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.hcp.events.ChinaTime;

/**
 * One format per kind of figure, in both editions: counts with thousands separators (14,423), rates as percentages
 * with two decimals (95.78%), a rate's change in percentage points, a count's change in per cent, months and times in
 * Beijing time. Every number a bulletin shows goes through here.
 */
public final class Formats {

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    private Formats() {
    }

    public static String count(Number n) {
        return n == null ? "—" : String.format(Locale.ROOT, "%,d", n.longValue());
    }

    /** A rate of 0..1 as a percentage; a missing rate (no denominator) as a dash. */
    public static String rate(Number r) {
        return r == null ? "—" : String.format(Locale.ROOT, "%.2f%%", r.doubleValue() * 100);
    }

    /** How a rate moved from {@code before} to {@code now}, in percentage points; null when either is missing. */
    public static String points(Edition e, Number now, Number before) {
        if (now == null || before == null) {
            return null;
        }
        double delta = Math.round((now.doubleValue() - before.doubleValue()) * 10_000) / 100.0;
        if (delta == 0) {
            return e.pick("持平", "unchanged");
        }
        String size = String.format(Locale.ROOT, "%.2f", Math.abs(delta));
        return delta > 0 ? e.pick("上升" + size + "个百分点", "up " + size + " points")
                : e.pick("下降" + size + "个百分点", "down " + size + " points");
    }

    /** How a count moved, in per cent of {@code before}; null when there is nothing to compare with. */
    public static String change(Edition e, Number now, Number before) {
        if (now == null || before == null || before.longValue() == 0) {
            return null;
        }
        double pct = Math.round((now.doubleValue() - before.doubleValue()) * 1000 / before.doubleValue()) / 10.0;
        if (pct == 0) {
            return e.pick("持平", "unchanged");
        }
        String size = String.format(Locale.ROOT, "%.1f%%", Math.abs(pct));
        return pct > 0 ? e.pick("增长" + size, "up " + size) : e.pick("减少" + size, "down " + size);
    }

    public static String month(Edition e, YearMonth m) {
        return e.pick(m.getYear() + "年" + m.getMonthValue() + "月", MONTHS[m.getMonthValue() - 1] + " " + m.getYear());
    }

    /** An instant in Beijing time, to the minute. */
    public static String time(Edition e, Instant at) {
        ZonedDateTime t = at.atZone(ChinaTime.ZONE);
        String hm = String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
        return e.pick(t.getYear() + "年" + t.getMonthValue() + "月" + t.getDayOfMonth() + "日 " + hm + "（北京时间）",
                t.getDayOfMonth() + " " + MONTHS[t.getMonthValue() - 1] + " " + t.getYear() + ", " + hm
                        + " Beijing time");
    }
}
