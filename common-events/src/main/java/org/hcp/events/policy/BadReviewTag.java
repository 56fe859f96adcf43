package org.hcp.events.policy;

/**
 * R1.3: one bad-review indicator (差评指标) of a jurisdiction's catalogue: a stable code, its Chinese name as the
 * evaluator reads it, and an English name for the rating page's English view (null: the Chinese name is shown).
 */
public record BadReviewTag(String code, String name, String englishName) {

    public String name(boolean english) {
        return english && englishName != null ? englishName : name;
    }
}
