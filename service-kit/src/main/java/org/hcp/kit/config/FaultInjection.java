package org.hcp.kit.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Crash points for the fault tests: they prove that a process killed at the worst moment loses nothing and
 * counts nothing twice. Every point is off unless its property is set; production never sets them.
 */
@ApplicationScoped
public class FaultInjection {

    private static final Logger LOG = Logger.getLogger(FaultInjection.class);

    private final boolean haltAfterProjectionCommit;
    private final Optional<String> haltTopic;

    /**
     * @param haltTopic with several topics in one projection: halt only after a batch that held a record of this one
     */
    public FaultInjection(
            @ConfigProperty(name = "hcp.fault.halt-after-projection-commit", defaultValue = "false") boolean halt,
            @ConfigProperty(name = "hcp.fault.halt-after-topic") Optional<String> haltTopic) {
        this.haltAfterProjectionCommit = halt;
        this.haltTopic = haltTopic;
    }

    /**
     * Between the read-model commit and the Kafka offset commit: the process dies as a kill -9 would.
     *
     * @param topics the topics of the batch just committed
     */
    public void afterProjectionCommit(String loop, Collection<String> topics) {
        if (haltAfterProjectionCommit && (haltTopic.isEmpty() || topics.contains(haltTopic.get()))) {
            LOG.errorf("fault injection: halting %s after its read-model commit, before the offset commit", loop);
            Runtime.getRuntime().halt(137);
        }
    }
}
