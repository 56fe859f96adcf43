package org.hcp.audit.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.hcp.audit.tool.AuditQueries;
import org.hcp.audit.tool.LogReader;
import org.hcp.kit.messaging.KafkaClients;

/**
 * The auditor API's recomputations are {@code ./hcp audit}'s own ({@link AuditQueries}), over consumers configured like
 * the rest of this service's (their servers and security settings), never over a service's tables.
 */
@ApplicationScoped
public class AuditLog {

    @Produces
    @ApplicationScoped
    AuditQueries queries(KafkaClients clients) {
        return new AuditQueries(new LogReader(() -> clients.consumer(null, "audit", 5000)));
    }
}
