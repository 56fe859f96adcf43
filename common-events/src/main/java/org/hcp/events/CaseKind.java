package org.hcp.events;

/** Kinds of case (办件). R1.4 depends on the kind; R5.4 appendix A.6 gives the national code. */
public enum CaseKind {
    INSTANT(1),
    PROMISED(2),
    ONLINE(9),
    SELF_SERVICE(9);

    private final int nationalCode;

    CaseKind(int nationalCode) {
        this.nationalCode = nationalCode;
    }

    /** R5.4 appendix A.6: 1 即办件, 2 承诺件, 9 其他. */
    public int nationalCode() {
        return nationalCode;
    }
}
