package org.hcp.intake.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * R6.1 data minimisation: why an evaluator's contact is read decides which of its fields are returned. Each read
 * states one purpose and is recorded with it.
 */
public enum ContactPurpose {
    /** R2.2, R2.5: call the evaluator back about a bad review: whom to ask for and which number to call. */
    CALLBACK(EnumSet.of(Field.NAME, Field.MOBILE)),
    /** R2.5: the satisfaction re-survey of a closed "very dissatisfied" case, by SMS or phone. */
    RESURVEY(EnumSet.of(Field.MOBILE)),
    /** R3.4 (TA): a malicious evaluator's credit record names the person by name and ID number. */
    CREDIT_RECORD(EnumSet.of(Field.NAME, Field.ID_NUMBER));

    public enum Field { NAME, MOBILE, ID_NUMBER }

    private final Set<Field> fields;

    ContactPurpose(Set<Field> fields) {
        this.fields = fields;
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
