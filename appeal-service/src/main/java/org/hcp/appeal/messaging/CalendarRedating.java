package org.hcp.appeal.messaging;

import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.hcp.appeal.service.AppealService;
import org.hcp.kit.reference.CalendarYearListener;

/** A year's calendar arrived on hcp.directory: the provisional deadlines of open appeals are re-dated (R3.2). */
@ApplicationScoped
public class CalendarRedating implements CalendarYearListener {

    private final AppealService appeals;

    public CalendarRedating(AppealService appeals) {
        this.appeals = appeals;
    }

    @Override
    public void yearPublished(SqlConnection tx, int year, Instant publishedAt) {
        appeals.redate(tx, year, publishedAt);
    }
}
