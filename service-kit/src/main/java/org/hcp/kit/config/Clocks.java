package org.hcp.kit.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.hcp.events.ChinaTime;

/** All time comes from this injectable clock (docs/architecture.md, "Time"); tests replace it to move time. */
@ApplicationScoped
public class Clocks {

    @Produces
    @ApplicationScoped
    public Clock clock() {
        return Clock.system(ChinaTime.ZONE);
    }
}
