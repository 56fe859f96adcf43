package org.hcp.reporting.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.hcp.events.ChinaTime;

/**
 * R4.3: the instant a bulletin's figures are as of. It is the earliest of the sources' watermarks (each says that
 * every event its producer recorded by then is on the log), so nothing recorded before it is still on its way; and
 * the bulletin counts nothing recorded after it. {@code at} is null while a source has published no watermark yet.
 *
 * @param at     the cut-off; null when it cannot be known
 * @param behind the source that holds it back (the earliest watermark, or the one missing); null when none
 */
public record CutOff(Instant at, String behind) {

    /**
     * @param sources    the producers whose events the figures count; none: the cut-off is {@code now}, taking what
     *                   has arrived (a deployment whose producers publish no watermarks)
     * @param watermarks each producer's latest watermark
     */
    public static CutOff of(List<String> sources, Map<String, Instant> watermarks, Instant now) {
        Instant at = now;
        String behind = null;
        for (String source : sources) {
            Instant w = watermarks.get(source);
            if (w == null) {
                return new CutOff(null, source);
            }
            if (w.isBefore(at)) {
                at = w;
                behind = source;
            }
        }
        return new CutOff(wholeMillisecondBefore(at), behind);
    }

    /**
     * The audit counts an event as of an instant by whole milliseconds (docs/audit.md): every event of the cut-off's
     * millisecond must lie before the watermark, so the cut-off is the last millisecond that ends before it.
     */
    private static Instant wholeMillisecondBefore(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).minusMillis(1);
    }

    /** Whether an event recorded at {@code recordedAt} counts as of the cut-off, as the audit decides it. */
    public boolean includes(Instant recordedAt) {
        return recordedAt.toEpochMilli() <= at.toEpochMilli();
    }

    /** Whether the whole of {@code month} (Beijing time) lies before the cut-off: its bulletin can be composed. */
    public boolean covers(YearMonth month) {
        return at != null && !at.isBefore(month.plusMonths(1).atDay(1).atStartOfDay(ChinaTime.ZONE).toInstant());
    }
}
