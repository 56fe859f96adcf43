package org.hcp.kit.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;
import org.hcp.events.ChinaTime;

/** All time comes from this injectable clock (docs/architecture.md, "Time"); tests replace it to move time. */
@ApplicationScoped
public class Clocks {

    /** Working days and statistics days are counted in this zone unless a jurisdiction says otherwise. */
    public static final ZoneId CHINA = ChinaTime.ZONE;

    @Produces
    @ApplicationScoped
    public Clock clock() {
        return Clock.system(CHINA);
    }
}
