package org.hcp.rectification.service;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.hcp.events.Topics;
import org.hcp.kit.messaging.KafkaClients;
import org.hcp.kit.rebuild.ColdStart;
import org.hcp.rectification.repository.RebuildRepository;

/**
 * A lost database (docs/operations.md): before the projections open any rectification, an empty ledger while
 * hcp.rectifications holds events is rebuilt from the log, so that no bad review is opened twice.
 */
@ApplicationScoped
public class ColdStartRebuild {

    private final Pool pool;
    private final KafkaClients clients;
    private final RebuildService rebuild;
    private final RebuildRepository tables;

    public ColdStartRebuild(Pool pool, KafkaClients clients, RebuildService rebuild, RebuildRepository tables) {
        this.pool = pool;
        this.clients = clients;
        this.rebuild = rebuild;
        this.tables = tables;
    }

    /** After the topics exist (priority 1), before the projections and the relay start (the default priority). */
    void onStart(@Observes @Priority(2) StartupEvent event) {
        ColdStart.rebuildIfStateLost(pool, clients, tables::holdsDecisions, Topics.RECTIFICATIONS, rebuild);
    }
}
