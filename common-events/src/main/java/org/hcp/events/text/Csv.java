package org.hcp.events.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, as spreadsheets write it (commas, quotes doubled inside quoted fields, line breaks inside quotes),
 * read by jackson-dataformat-csv. Each record keeps the line it starts on, so an import report can say "line 7".
 * Blank lines and lines starting with {@code #} are skipped; a leading byte-order mark is ignored.
 */
public final class Csv {

    /** Without a header every row reads as an array of strings. */
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withComments();

    private Csv() {
    }

    public record Record(int line, List<String> fields) {
        public String field(int i) {
            return i < fields.size() ? fields.get(i) : null;
        }
    }

    /** The longest cell, in characters: as long as any JSON string a service reads (docs/security.md). */
    public static final int CELL_MAX = 4_000;

    /** Input that cannot be taken as rows: where ({@code line}) and why ({@code key}, a message key, with args). */
    public static class Unreadable extends IllegalArgumentException {
        public final int line;
        public final String key;
        private final transient Object[] args;

        Unreadable(int line, String key, String message, Object... args) {
            super(message);
            this.line = line;
            this.key = key;
            this.args = args;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    /** A record whose quotes never close; the rest of the input cannot be read as records. */
    public static final class UnclosedQuote extends Unreadable {
        UnclosedQuote(int line) {
            super(line, "csv.unclosedQuote", "a quoted field opened on line " + line + " is never closed", line);
        }
    }

    /**
     * A cell longer than {@link #CELL_MAX} or with a control character other than tab and line breaks: PostgreSQL
     * refuses NUL, and nothing an import carries is that long.
     */
    public static final class BadCell extends Unreadable {
        BadCell(int line, String key) {
            super(line, key, "line " + line + ": a cell is too long or holds a control character", line, CELL_MAX);
        }
    }

    /** More records than the import takes: reading stopped there, the rest of the input unread. */
    public static final class TooManyRecords extends Unreadable {
        TooManyRecords(int line, int max) {
            super(line, "csv.tooManyRows", "more than " + max + " records", max);
        }
    }

    public static List<Record> parse(String text) {
        return parse(new java.io.StringReader(text), Integer.MAX_VALUE);
    }

    /**
     * Reads records as they stream in, and stops with {@link TooManyRecords} at the first one over {@code maxRecords}
     * (a header counts): an import never holds more rows than it may take.
     */
    public static List<Record> parse(java.io.Reader input, int maxRecords) {
        java.io.PushbackReader in = new java.io.PushbackReader(input, 1);
        try {
            int first = in.read();
            if (first >= 0 && first != '\uFEFF') {
                in.unread(first);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Record> records = new ArrayList<>();
        int start = 1;
        try (JsonParser parser = MAPPER.reader(SCHEMA).createParser(in)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_ARRAY) {
                    continue;
                }
                List<String> fields = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    if (fields.isEmpty()) {
                        // A row's own START_ARRAY has no location; its first value's is the line the row starts on.
                        start = parser.currentTokenLocation().getLineNr();
                    }
                    String cell = parser.getText();
                    checkCell(start, cell);
                    fields.add(cell);
                }
                boolean blank = fields.size() == 1 && fields.get(0).isBlank();
                if (!blank) {
                    if (records.size() == maxRecords) {
                        throw new TooManyRecords(start, maxRecords);
                    }
                    records.add(new Record(start, List.copyOf(fields)));
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // The only malformed input RFC 4180 leaves is a quote that never closes: it swallows the rest.
            throw new UnclosedQuote(start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    private static void checkCell(int line, String cell) {
        if (cell.length() > CELL_MAX) {
            throw new BadCell(line, "csv.cellTooLong");
        }
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                throw new BadCell(line, "csv.controlCharacter");
            }
        }
    }

    /**
     * Writes rows as RFC 4180 CSV (quoted where needed, CRLF line ends), starting with a byte-order mark so that
     * spreadsheets read the Chinese as UTF-8. A cell that a spreadsheet would take for a formula ({@code = + - @})
     * gets a leading apostrophe: exported free text must never run as a formula on a supervisor's machine.
     */
    public static String write(List<List<String>> rows) {
        try {
            StringBuilder out = new StringBuilder("\uFEFF");
            var writer = MAPPER.writer(CsvSchema.emptySchema().withLineSeparator("\r\n"));
            for (List<String> row : rows) {
                out.append(writer.writeValueAsString(row.stream().map(Csv::defused).toArray(String[]::new)));
            }
            return out.toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String defused(String cell) {
        if (cell == null) {
            return "";
        }
        return !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
