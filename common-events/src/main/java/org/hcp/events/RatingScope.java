package org.hcp.events;

/**
 * What one evaluator's rating was about. R1.5: a batch rating applies to every case of the batch; R1.6: a chain
 * (theme) rating applies to every item of the chain, and each item may still be rated on its own (scope CASE).
 * Each case still gets its own RatingSubmitted, so counts per case stay right; the scope says where it came from.
 */
public enum RatingScope {
    CASE,
    BATCH,
    CHAIN
}
