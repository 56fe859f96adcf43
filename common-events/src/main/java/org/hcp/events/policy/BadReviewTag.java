package org.hcp.events.policy;

/** R1.3: one bad-review indicator (差评指标) of a jurisdiction's catalogue: a stable code and its Chinese name. */
public record BadReviewTag(String code, String name) {
}
