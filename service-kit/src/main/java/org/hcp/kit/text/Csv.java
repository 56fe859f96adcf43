package org.hcp.kit.text;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, as spreadsheets write it: commas, quotes doubled inside quoted fields, line breaks inside quotes.
 * Each record keeps the line it starts on, so an import report can say "line 7". Blank lines and lines starting
 * with {@code #} (outside quotes) are skipped.
 */
public final class Csv {

    private Csv() {
    }

    public record Record(int line, List<String> fields) {
        public String field(int i) {
            return i < fields.size() ? fields.get(i) : null;
        }
    }

    /** A record whose quotes never close; the rest of the input cannot be read as records. */
    public static final class UnclosedQuote extends IllegalArgumentException {
        public final int line;

        UnclosedQuote(int line) {
            super("a quoted field opened on line " + line + " is never closed");
            this.line = line;
        }
    }

    public static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int i = 0;
        int line = 1;
        while (i < s.length()) {
            int start = line;
            if (s.charAt(i) == '#') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
                i++;
                line++;
                continue;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean end = false;
            while (!end) {
                if (i >= s.length()) {
                    if (quoted) {
                        throw new UnclosedQuote(start);
                    }
                    break;
                }
                char c = s.charAt(i++);
                if (quoted) {
                    if (c == '"' && i < s.length() && s.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    line++;
                    end = true;
                } else if (c != '\r') {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            boolean blank = fields.size() == 1 && fields.get(0).isBlank();
            if (!blank) {
                records.add(new Record(start, List.copyOf(fields)));
            }
        }
        return records;
    }
}
