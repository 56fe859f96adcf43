package org.hcp.appeal.service;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.hcp.events.Topics;
import org.hcp.kit.messaging.KafkaClients;
import org.hcp.kit.rebuild.ColdStart;
import org.hcp.appeal.repository.RebuildRepository;

/**
 * A lost database (docs/operations.md): before the projections decide anything, empty appeal and integrity tables
 * while hcp.appeals holds events are rebuilt from the log, so that no appeal's case file is lost and nothing is
 * decided twice. The attachments' bytes are not on the log: they come back from the database's backup.
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
        ColdStart.rebuildIfStateLost(pool, clients, tables::holdsDecisions, Topics.APPEALS, rebuild);
    }
}
