package org.hcp.intake.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an evaluator's SMS reply says (R1.8 短信评价): a level digit 1-5, half- or full-width ("２"), and for a bad
 * review the numbers of its bad-review indicators as the invitation listed them (R1.3), e.g. "2 1 3" or "２，１、３".
 * Anything else is not understood, and nothing is recorded from it.
 */
public final class SmsReply {

    /** Separators people type between numbers, after NFKC has made full-width ones ASCII. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;.、，；。]+");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,2}");

    private SmsReply() {
    }

    public enum Kind {
        /** A level, with indicators when it is a bad review. */
        RATING,
        /** A bad level without indicators: the evaluator is asked for them (R1.3); nothing recorded yet. */
        NEEDS_TAGS,
        /** Not a reply we can read. */
        NOT_UNDERSTOOD
    }

    /** @param tags tag codes of the catalogue, in the order the evaluator picked them */
    public record Parsed(Kind kind, Integer level, List<String> tags, String why) {
    }

    /** @param catalogue the jurisdiction's tag codes, numbered from 1 in this order in the SMS */
    public static Parsed parse(String text, List<String> catalogue) {
        if (text == null || text.isBlank()) {
            return notUnderstood("empty reply");
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        String[] parts = SEPARATORS.split(normalized);
        if (parts.length == 0 || !parts[0].matches("[1-5]")) {
            return notUnderstood("the reply does not start with a level digit 1-5");
        }
        int level = Integer.parseInt(parts[0]);
        boolean bad = level <= 2;
        if (parts.length == 1) {
            return bad ? new Parsed(Kind.NEEDS_TAGS, level, List.of(), "a bad review names its indicators (R1.3)")
                    : new Parsed(Kind.RATING, level, List.of(), null);
        }
        if (!bad) {
            return notUnderstood("a good review (3-5) is the digit alone");
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 1; i < parts.length; i++) {
            if (!NUMBER.matcher(parts[i]).matches()) {
                return notUnderstood("'" + parts[i] + "' is not an indicator number");
            }
            int n = Integer.parseInt(parts[i]);
            if (n < 1 || n > catalogue.size()) {
                return notUnderstood("indicator " + n + " is not in the list 1-" + catalogue.size());
            }
            tags.add(catalogue.get(n - 1));
        }
        return new Parsed(Kind.RATING, level, new ArrayList<>(tags), null);
    }

    private static Parsed notUnderstood(String why) {
        return new Parsed(Kind.NOT_UNDERSTOOD, null, List.of(), why);
    }
}
