package org.hcp.intake.repository;

import static org.hcp.kit.db.Transactions.query;
import static org.hcp.kit.db.Transactions.update;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The calendar years an operator loaded ({@code calendar_year}), as their CSV, beside the shipped ones. */
@ApplicationScoped
public class CalendarYearRepository {

    private final Pool pool;

    public CalendarYearRepository(Pool pool) {
        this.pool = pool;
    }

    /** A loaded year and its arrangement as CSV (the shipped files' format). */
    public record LoadedYear(int year, String csv) {
    }

    public void store(SqlConnection tx, int year, String csv, String loadedBy, Instant loadedAt) {
        update(tx, "INSERT INTO calendar_year (year, csv, loaded_by, loaded_at) VALUES ($1, $2, $3, $4) "
                        + "ON CONFLICT (year) DO UPDATE SET csv = EXCLUDED.csv, loaded_by = EXCLUDED.loaded_by, "
                        + "loaded_at = EXCLUDED.loaded_at",
                Tuple.of(year, csv, loadedBy, loadedAt.atOffset(ZoneOffset.UTC)));
    }

    /** Every loaded year, in order. Takes a pooled connection of its own. */
    public List<LoadedYear> all() {
        return query(pool, "SELECT year, csv FROM calendar_year ORDER BY year", Tuple.tuple()).stream()
                .map(r -> new LoadedYear(r.getInteger("year"), r.getString("csv"))).toList();
    }
}
