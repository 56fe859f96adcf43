package org.hcp.intake.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.hcp.events.DirectoryKind;
import org.hcp.intake.domain.DirectoryEntry;
import org.hcp.intake.repository.DirectoryRepository;

/** Reading the directory. */
@ApplicationScoped
public class DirectoryQueries {

    private final Pool pool;
    private final DirectoryRepository directory;

    public DirectoryQueries(Pool pool, DirectoryRepository directory) {
        this.pool = pool;
        this.directory = directory;
    }

    public List<DirectoryEntry> list(DirectoryKind kind, String regionPrefix, int offset, int limit) {
        return inTransaction(pool, tx -> directory.list(tx, kind, regionPrefix, offset, limit));
    }

    public List<Map<String, Object>> versions(DirectoryKind kind, String code) {
        return inTransaction(pool, tx -> directory.versions(tx, kind, code));
    }
}
