package org.hcp.intake.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.hcp.events.policy.JurisdictionPolicy;

/**
 * R6.1 data minimisation: why an evaluator's contact is read decides which of its fields are returned. Each read
 * states one purpose and is recorded with it.
 */
public enum ContactPurpose {
    /** R2.2, R2.5: call the evaluator back about a bad review: the unit that rectifies, or the bureau. */
    CALLBACK(EnumSet.of(Field.NAME, Field.MOBILE), Set.of("handler", "bureau", "admin")),
    /** R2.5: the supervisor's satisfaction re-survey of a closed "very dissatisfied" case, by SMS or phone. */
    RESURVEY(EnumSet.of(Field.MOBILE), Set.of("bureau", "admin")),
    /**
     * R3.4 (TA): a malicious evaluator's credit record names the person by name and ID number; the bureau keeps it,
     * and only where the jurisdiction's policy keeps credit records at all. Never the unit that was rated.
     */
    CREDIT_RECORD(EnumSet.of(Field.NAME, Field.ID_NUMBER), Set.of("bureau"));

    public enum Field { NAME, MOBILE, ID_NUMBER }

    private final Set<Field> fields;
    private final Set<String> roles;

    ContactPurpose(Set<Field> fields, Set<String> roles) {
        this.fields = fields;
        this.roles = roles;
    }

    /**
     * R6.1: whether a reader in {@code role} may state this purpose for a case judged by {@code policy}: the purpose
     * must be that role's duty, and a credit record must be one the policy keeps, of a case whose rating stands
     * found malicious on appeal (R3.4).
     */
    public boolean fits(String role, JurisdictionPolicy policy, boolean foundMalicious) {
        if (!roles.contains(role)) {
            return false;
        }
        return this != CREDIT_RECORD || Boolean.TRUE.equals(policy.maliciousEvaluatorCreditRecord()) && foundMalicious;
    }

    public boolean reveals(Field field) {
        return fields.contains(field);
    }

    /** The purpose named (case-insensitive), or null when there is no such purpose. */
    public static ContactPurpose parse(String name) {
        if (name == null) {
            return null;
        }
        String wanted = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(p -> p.name().equals(wanted)).findFirst().orElse(null);
    }
}
