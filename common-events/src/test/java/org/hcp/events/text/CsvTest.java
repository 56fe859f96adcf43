package org.hcp.events.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndRecordsKeepTheirLine() {
        String csv = "\uFEFFa,b,c\r\n# a comment\n\n1,\"x, \"\"y\"\"\",\"two\nlines\"\n2,,\n";
        List<Csv.Record> records = Csv.parse(csv);
        assertEquals(3, records.size());
        assertEquals(List.of("a", "b", "c"), records.get(0).fields());
        assertEquals(4, records.get(1).line());
        assertEquals(List.of("1", "x, \"y\"", "two\nlines"), records.get(1).fields());
        assertEquals(6, records.get(2).line());
        assertEquals(List.of("2", "", ""), records.get(2).fields());
    }

    @Test
    void anUnclosedQuoteNamesTheLineItOpenedOn() {
        Csv.UnclosedQuote e = assertThrows(Csv.UnclosedQuote.class, () -> Csv.parse("a,b\n1,\"open\n2,3\n"));
        assertEquals(2, e.line);
    }

    /** Issue 25: a NUL reached PostgreSQL from an import, and a 1.2 MB attribute made an event the log refused. */
    @Test
    void aCellWithANulOrLongerThanAnyFieldIsRefusedWithItsLine() {
        Csv.BadCell nul = assertThrows(Csv.BadCell.class, () -> Csv.parse("a,b\n1,2\nx\u0000y,3\n"));
        assertEquals(3, nul.line);
        assertEquals("csv.controlCharacter", nul.key);
        Csv.BadCell longCell = assertThrows(Csv.BadCell.class,
                () -> Csv.parse("a,b\n" + "x".repeat(Csv.CELL_MAX + 1) + ",1\n"));
        assertEquals("csv.cellTooLong", longCell.key);
        assertEquals(List.of("tab\there", "two\nlines"), Csv.parse("\"tab\there\",\"two\nlines\"\n").get(0).fields());
    }

    /** Issue 25, 2: an import stops reading at its row limit instead of holding the whole file as rows. */
    @Test
    void readingStopsAtTheFirstRecordPastTheLimitAndABomIsSkipped() {
        Csv.TooManyRecords e = assertThrows(Csv.TooManyRecords.class,
                () -> Csv.parse(new java.io.StringReader("h\n1\n2\n3\n"), 3));
        assertEquals(4, e.line);
        assertEquals(List.of("h"), Csv.parse(new java.io.StringReader("\uFEFFh\n1\n"), 2).get(0).fields());
    }

    @Test
    void writtenRowsReadBackAndAFormulaIsDefused() {
        String csv = Csv.write(List.of(List.of("id", "措施"), List.of("r-1", "改了, \"流程\"\n两行"),
                List.of("r-2", "=HYPERLINK(\"x\")")));
        List<Csv.Record> back = Csv.parse(csv);
        assertEquals(List.of("id", "措施"), back.get(0).fields());
        assertEquals(List.of("r-1", "改了, \"流程\"\n两行"), back.get(1).fields());
        assertEquals(List.of("r-2", "'=HYPERLINK(\"x\")"), back.get(2).fields());
        assertEquals(true, csv.startsWith("\uFEFF") && csv.contains("\r\n"));
    }
}
