package org.hcp.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * A background loop that does one round every {@code interval}, at once again while a round says there is more
 * (docs/architecture.md, "Background workers"). Subclasses say what a round does (the overdue schedulers); a failed
 * round is retried after a backoff up to the interval.
 */
public abstract class PeriodicWorker extends BackgroundLoop {

    private final Duration interval;

    protected PeriodicWorker(String name, Duration interval, MeterRegistry metrics) {
        this(name, interval, Duration.ofSeconds(1), metrics);
    }

    /** @param firstBackoff the wait after a first failed round (the interval itself: the next round is the retry) */
    protected PeriodicWorker(String name, Duration interval, Duration firstBackoff, MeterRegistry metrics) {
        super(name, firstBackoff, interval, metrics);
        this.interval = interval;
    }

    /** One round; true when it stopped at its batch size and more is waiting. */
    protected abstract boolean round();

    /** How long to wait after a round that left nothing waiting: the interval, unless a subclass knows better. */
    protected Duration pause() {
        return interval;
    }

    @Override
    protected final Duration step() {
        return round() ? Duration.ZERO : pause();
    }
}
