package org.hcp.events.policy;

/** The short messages the platform sends an evaluator itself (issue 29; docs/messages.md). */
public enum MessageKind {
    /** R1.8: after a case's completion, an invitation to rate it (a digit reply or the link). */
    INVITATION,
    /** R1.9 (TA): a case still unrated after the policy's reminder term. */
    REMINDER,
    /** R2.4: the unit's feedback on a bad review, with the link to follow it and rate the result (追评). */
    FEEDBACK
}
