package org.hcp.kit.outbox;

import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.kit.db.Transactions;

/** Appends an event to the outbox inside the caller's transaction; the relay publishes it after commit. */
public final class Outbox {

    private Outbox() {
    }

    public static void append(SqlConnection tx, String topic, EventEnvelope<?> event) {
        Transactions.update(tx, "INSERT INTO outbox (event_id, topic, event_key, event_type, envelope) "
                + "VALUES ($1, $2, $3, $4, $5)",
                Tuple.of(event.eventId(), topic, event.key(), event.type(), EventJson.write(event)));
    }
}
