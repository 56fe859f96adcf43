package org.hcp.rectification.messaging;

import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.hcp.kit.reference.CalendarYearListener;
import org.hcp.rectification.service.RectificationService;

/** A year's calendar arrived on hcp.directory: the provisional deadlines of open rectifications are re-dated. */
@ApplicationScoped
public class CalendarRedating implements CalendarYearListener {

    private final RectificationService rectifications;

    public CalendarRedating(RectificationService rectifications) {
        this.rectifications = rectifications;
    }

    @Override
    public void yearPublished(SqlConnection tx, int year, Instant publishedAt) {
        rectifications.redate(tx, year, publishedAt);
    }
}
