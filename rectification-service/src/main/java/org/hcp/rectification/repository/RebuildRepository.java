package org.hcp.rectification.repository;

import static org.hcp.kit.db.Transactions.batch;
import static org.hcp.kit.db.Transactions.query;
import static org.hcp.kit.db.Transactions.update;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hcp.events.EventJson;
import org.hcp.events.EventPayload;
import org.hcp.rectification.domain.LedgerEntry;
import org.hcp.rectification.domain.RectificationState;

/**
 * The scratch tables of a rebuild (db/migration/V3__rebuild.sql): the log's events as read, then numbered per
 * rectification and folded into ledger rows exactly as the live tables are written, then compared and swapped in.
 */
@ApplicationScoped
public class RebuildRepository {

    private static final int FOLD_CHUNK = 5_000;

    /** Whether the live tables hold any rectification: if not while the log holds decisions, the database was lost. */
    public boolean holdsDecisions(SqlConnection tx) {
        return query(tx, "SELECT EXISTS (SELECT 1 FROM rectification)", Tuple.tuple()).get(0).getBoolean(0);
    }

    public void clear(SqlConnection tx) {
        update(tx, "TRUNCATE rebuild_event, rebuild_rectification_event, rebuild_rectification", Tuple.tuple());
    }

    /** Records as read from hcp.rectifications; a record published twice (a relay retry) is kept once. */
    public void read(SqlConnection tx, List<ConsumerRecord<String, String>> records) {
        List<Tuple> rows = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> r : records) {
            rows.add(Tuple.of(r.key(), r.partition(), r.offset(), EventJson.read(r.value()).eventId(), r.value()));
        }
        batch(tx, "INSERT INTO rebuild_event (rectification_id, kafka_partition, kafka_offset, event_id, envelope) "
                + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING", rows);
    }

    /** The rectifications with events among the records: those a catch-up must fold again. */
    public static List<String> keysOf(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::key).distinct().toList();
    }

    /**
     * Numbers the events of {@code ids} (null: every rectification) in log order and folds them into ledger rows:
     * the same {@link RectificationState#evolve} and {@link LedgerEntry#of} as the live path. Answers how many
     * rectifications it folded.
     */
    public int fold(SqlConnection tx, List<String> ids) {
        String only = ids == null ? "" : " WHERE rectification_id = ANY($1)";
        Tuple which = ids == null ? Tuple.tuple() : Tuple.of(ids.toArray(new String[0]));
        update(tx, "DELETE FROM rebuild_rectification_event" + only, which);
        update(tx, "DELETE FROM rebuild_rectification" + only, which);
        // A rectification's events are all on one partition (its key), so offset order is their order.
        update(tx, "INSERT INTO rebuild_rectification_event (rectification_id, seq, event_id, envelope) "
                + "SELECT rectification_id, (row_number() OVER (PARTITION BY rectification_id "
                + "ORDER BY kafka_partition, kafka_offset) - 1)::int, event_id, envelope FROM rebuild_event" + only,
                which);
        int folded = 0;
        String afterId = "";
        int afterSeq = -1;
        RectificationState state = null;
        int count = 0;
        List<Tuple> ledger = new ArrayList<>();
        while (true) {
            List<Row> chunk = query(tx, "SELECT rectification_id, seq, envelope FROM rebuild_rectification_event "
                    + "WHERE (rectification_id, seq) > ($1, $2)" + (ids == null ? "" : " AND rectification_id = ANY($4)")
                    + " ORDER BY rectification_id, seq LIMIT $3", ids == null ? Tuple.of(afterId, afterSeq, FOLD_CHUNK)
                    : Tuple.of(afterId, afterSeq, FOLD_CHUNK, ids.toArray(new String[0])));
            for (Row row : chunk) {
                EventPayload event = EventJson.read(row.getString("envelope")).payload();
                if (row.getInteger("seq") == 0 && state != null) {
                    ledger.add(LedgerRows.tuple(LedgerEntry.of(state, count)));
                    folded++;
                    state = null;
                    count = 0;
                }
                state = RectificationState.evolve(state, event);
                count++;
                afterId = row.getString("rectification_id");
                afterSeq = row.getInteger("seq");
            }
            batch(tx, "INSERT INTO rebuild_rectification (" + LedgerRows.COLUMNS + ") VALUES ("
                    + LedgerRows.PLACEHOLDERS + ")", ledger);
            ledger.clear();
            if (chunk.size() < FOLD_CHUNK) {
                break;
            }
        }
        if (state != null) {
            batch(tx, "INSERT INTO rebuild_rectification (" + LedgerRows.COLUMNS + ") VALUES ("
                    + LedgerRows.PLACEHOLDERS + ")", List.of(LedgerRows.tuple(LedgerEntry.of(state, count))));
            folded++;
        }
        return folded;
    }

    /** Rows in one of live and rebuilt but not in the other, over the ledger and the events. */
    public long differences(SqlConnection tx) {
        return query(tx, "SELECT (SELECT count(*) FROM (SELECT * FROM rectification EXCEPT "
                + "SELECT * FROM rebuild_rectification) a) + (SELECT count(*) FROM (SELECT * FROM rebuild_rectification "
                + "EXCEPT SELECT * FROM rectification) b) + (SELECT count(*) FROM (SELECT * FROM rectification_event "
                + "EXCEPT SELECT * FROM rebuild_rectification_event) c) + (SELECT count(*) FROM (SELECT * FROM "
                + "rebuild_rectification_event EXCEPT SELECT * FROM rectification_event) d) AS n", Tuple.tuple())
                .get(0).getLong("n");
    }

    /** The rebuilt tables become the live ones (the caller holds the ledger's write lock). */
    public void swapIn(SqlConnection tx) {
        update(tx, "DELETE FROM rectification_event", Tuple.tuple());
        update(tx, "DELETE FROM rectification", Tuple.tuple());
        update(tx, "INSERT INTO rectification_event SELECT * FROM rebuild_rectification_event", Tuple.tuple());
        update(tx, "INSERT INTO rectification SELECT * FROM rebuild_rectification", Tuple.tuple());
    }

    /** Blocks every writer of the ledger (commands, projections, the scheduler) until {@code tx} ends; reads go on. */
    public void lockLedger(SqlConnection tx) {
        update(tx, "LOCK TABLE rectification, rectification_event IN EXCLUSIVE MODE", Tuple.tuple());
    }
}
