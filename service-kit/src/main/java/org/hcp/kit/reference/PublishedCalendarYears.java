package org.hcp.kit.reference;

import static org.hcp.kit.db.Transactions.query;

import io.quarkus.arc.DefaultBean;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.EventJson;
import org.hcp.events.WorkingCalendarPublished;
import org.hcp.events.calendar.YearArrangement;

/**
 * The years intake published, as {@link CalendarProjection} keeps them in {@code published_calendar_year} (flyway
 * location {@code db/calendar}). A service opts in with {@code hcp.calendar.follow-directory=true}; intake has its own source.
 */
@DefaultBean
@ApplicationScoped
public class PublishedCalendarYears implements CalendarYears {

    private final Pool pool;
    private final boolean followDirectory;

    public PublishedCalendarYears(Pool pool,
            @ConfigProperty(name = "hcp.calendar.follow-directory", defaultValue = "false") boolean followDirectory) {
        this.pool = pool;
        this.followDirectory = followDirectory;
    }

    @Override
    public boolean kept() {
        return followDirectory;
    }

    @Override
    public List<YearArrangement> all() {
        List<YearArrangement> years = new ArrayList<>();
        for (Row row : query(pool, "SELECT envelope FROM published_calendar_year ORDER BY year",
                Tuple.tuple())) {
            WorkingCalendarPublished year = EventJson.read(row.getString("envelope"), WorkingCalendarPublished.class)
                    .payload();
            years.add(new YearArrangement(year.year(), year.days()));
        }
        return years;
    }
}
