package org.hcp.reporting.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.hcp.kit.db.Transactions;

/**
 * Which of the statistics read model's two schemas ({@code rm_a}, {@code rm_b}) is live, and the switch between them
 * (docs/architecture.md, "Reading").
 */
@ApplicationScoped
public class StatisticsRepository {

    public static final String PROJECTION = "statistics";
    /** The copy bulletins are composed from, refilled up to each cut-off; never live (db/migration V8). */
    public static final String BULLETIN_SCHEMA = "rm_bulletin";
    public static final Set<String> SCHEMAS = Set.of("rm_a", "rm_b", BULLETIN_SCHEMA);

    private final Pool pool;

    public StatisticsRepository(Pool pool) {
        this.pool = pool;
    }

    /** How the caller holds the live-schema row until its transaction ends. */
    public enum Lock {
        /** A read: no lock. */
        NONE(""),
        /** A projection batch: a switch waits, so a batch never lands in a schema that stopped being live. */
        SHARE(" FOR SHARE"),
        /** A switch: batches wait until the switch has committed. */
        SWITCH(" FOR UPDATE");

        private final String clause;

        Lock(String clause) {
            this.clause = clause;
        }
    }

    private static final String ACTIVE_SCHEMA = "SELECT active_schema FROM projection_state WHERE projection = $1";

    /** The live schema, read in {@code tx} and held as {@code lock} says until it ends. */
    public String liveSchema(SqlConnection tx, Lock lock) {
        return checked(Transactions.query(tx, ACTIVE_SCHEMA + lock.clause, Tuple.of(PROJECTION)).get(0)
                .getString("active_schema"));
    }

    public void switchTo(SqlConnection tx, String schema) {
        Transactions.update(tx, "UPDATE projection_state SET active_schema = $1, switched_at = now() "
                + "WHERE projection = $2", Tuple.of(checked(schema), PROJECTION));
    }

    public void truncate(SqlConnection tx, String schema) {
        String s = checked(schema);
        Transactions.update(tx, ("TRUNCATE %1$s.rating_fact, %1$s.rating_decision, %1$s.case_fact, "
                + "%1$s.rectification_fact, %1$s.appeal_fact, %1$s.follow_up_fact, %1$s.agg_day, %1$s.agg_month, "
                + "%1$s.directory_name")
                .formatted(s),
                Tuple.tuple());
    }

    /** The live schema, for a read. */
    public Uni<String> liveSchema() {
        return pool.preparedQuery(ACTIVE_SCHEMA).execute(Tuple.of(PROJECTION))
                .map(rows -> checked(rows.iterator().next().getString("active_schema")));
    }

    static String checked(String schema) {
        if (!SCHEMAS.contains(schema)) {
            throw new IllegalArgumentException("not a statistics schema: " + schema);
        }
        return schema;
    }
}
