package org.hcp.rectification.repository;

import static org.hcp.kit.db.Transactions.update;

import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import org.hcp.events.DirectoryEntryRecorded;

/** The directory's names of institutions and items (R2.7: the public page names them); every version kept. */
@ApplicationScoped
public class DirectoryNameRepository {

    /** Idempotent: a version is written once, a replay writes the same rows. */
    public void record(SqlConnection tx, DirectoryEntryRecorded e) {
        update(tx, "INSERT INTO directory_name (kind, code, version, name, effective_from) "
                + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING", Tuple.of(e.kind().name(), e.code(),
                e.version(), e.name(), e.effectiveFrom().atOffset(ZoneOffset.UTC)));
    }
}
