package org.hcp.appeal.repository;

import static org.hcp.kit.db.Transactions.query;
import static org.hcp.kit.db.Transactions.update;

import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rebuild's scratch schema {@code rebuild_appeal} (a copy of every table a rebuild writes) and how it is
 * compared with the live tables and put in their place.
 */
@ApplicationScoped
public class RebuildRepository {

    /** Every table a rebuild writes. */
    public static final List<String> TABLES = List.of("appeal", "appeal_event", "appeal_notice", "credit_record",
            "integrity_review", "integrity_flag");

    /** Whether the live tables hold an appeal or integrity review: if not while the log holds decisions, it was lost. */
    public boolean holdsDecisions(SqlConnection tx) {
        return query(tx, "SELECT EXISTS (SELECT 1 FROM appeal) OR EXISTS (SELECT 1 FROM integrity_review)",
                Tuple.tuple()).get(0).getBoolean(0);
    }

    /** Points {@code scratch} (a connection of the rebuild's own) at the scratch tables before the live ones. */
    public void useScratch(SqlConnection scratch) {
        update(scratch, "SET search_path TO rebuild_appeal, public", Tuple.tuple());
    }

    /** Blocks every writer of the live tables until {@code tx} ends; reads go on. */
    public void lockLive(SqlConnection tx) {
        update(tx, "LOCK TABLE " + String.join(", ", TABLES) + " IN EXCLUSIVE MODE", Tuple.tuple());
    }

    /**
     * Empties the scratch tables, then copies the live flags without their reviews: a flag's evidence comes from
     * projections of other topics, which a rebuild of hcp.appeals does not replay.
     */
    public void clearScratchKeepingFlags(SqlConnection scratch) {
        for (String table : TABLES) {
            update(scratch, "TRUNCATE rebuild_appeal." + table, Tuple.tuple());
        }
        update(scratch, "TRUNCATE rebuild_appeal.outbox", Tuple.tuple());
        update(scratch, "INSERT INTO rebuild_appeal.integrity_flag SELECT flag_id, rule, subject, day, region_code, "
                + "rating_ids, distinct_count, first_at, last_at, '{}', NULL, 0, 'PENDING', cardinality(rating_ids) "
                + "FROM public.integrity_flag", Tuple.tuple());
    }

    /** Rows in one of live and rebuilt but not in the other, per table. */
    public Map<String, Long> differences(SqlConnection tx) {
        Map<String, Long> n = new LinkedHashMap<>();
        for (String table : TABLES) {
            n.put(table, query(tx, "SELECT (SELECT count(*) FROM (SELECT * FROM public." + table + " EXCEPT SELECT * FROM "
                    + "rebuild_appeal." + table + ") a) + (SELECT count(*) FROM (SELECT * FROM rebuild_appeal." + table
                    + " EXCEPT SELECT * FROM public." + table + ") b) AS n", Tuple.tuple()).get(0).getLong("n"));
        }
        return n;
    }

    /** The rebuilt tables become the live ones (the caller holds the live tables' lock). */
    public void swapIn(SqlConnection tx) {
        for (String table : TABLES) {
            update(tx, "DELETE FROM public." + table, Tuple.tuple());
            update(tx, "INSERT INTO public." + table + " SELECT * FROM rebuild_appeal." + table, Tuple.tuple());
        }
    }
}
