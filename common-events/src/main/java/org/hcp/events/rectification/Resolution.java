package org.hcp.events.rectification;

/** R2.3: what was done about a classified bad review. */
public enum Resolution {
    /** A clear or complex case was rectified. */
    RECTIFIED,
    /** A case without basis was explained to the evaluator. */
    EXPLAINED
}
