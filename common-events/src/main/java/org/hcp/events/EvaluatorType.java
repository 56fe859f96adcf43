package org.hcp.events;

/** R5.5 {@code userProp}: who the evaluator is. */
public enum EvaluatorType {
    NATURAL_PERSON(1),
    ENTERPRISE(2),
    PUBLIC_INSTITUTION(3),
    SOCIAL_ORGANISATION(4),
    UNINCORPORATED_ENTERPRISE(5),
    GOVERNMENT_ORGAN(6),
    OTHER(9);

    private final int nationalCode;

    EvaluatorType(int nationalCode) {
        this.nationalCode = nationalCode;
    }

    public int nationalCode() {
        return nationalCode;
    }
}
