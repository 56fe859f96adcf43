package org.hcp.reporting.rest;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.hcp.reporting.publication.BulletinView;
import org.hcp.reporting.publication.ChartRenderer;
import org.hcp.reporting.publication.CjkFont;

/**
 * The bulletin as a PDF (R4.3), one per edition, drawn by OpenPDF from the same {@link BulletinView} as the web page:
 * the issuer's red head and document number, the title, the summary, then each section's chart and table, the notes,
 * and the errata after it. A heading is never left alone at the foot of a page: it travels with its chart, or heads
 * its table (and repeats where the table goes on). Aggregates only (R4.7): nothing here names an evaluator.
 */
@ApplicationScoped
public class BulletinPdf {

    private static final Color RULE = new Color(0xDD, 0xDD, 0xDD);
    private static final Color HEAD = new Color(0xF3, 0xF4, 0xF6);
    private static final Color RED = new Color(0xB9, 0x1C, 0x1C);
    private static final Color ERRATA = new Color(0xB4, 0x53, 0x09);
    private static final float WIDTH = PageSize.A4.getWidth() - 2 * 56;

    private final CjkFont font;
    private final ChartRenderer charts;

    public BulletinPdf(CjkFont font, ChartRenderer charts) {
        this.font = font;
        this.charts = charts;
    }

    /** The PDF's bytes, or empty when no CJK font is installed. */
    Optional<byte[]> render(BulletinView view) {
        return font.pdfPath().map(path -> {
            try {
                return draw(view, BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED));
            } catch (IOException | DocumentException e) {
                throw new IllegalStateException("could not draw bulletin " + view.title() + " with font " + path, e);
            }
        });
    }

    private byte[] draw(BulletinView v, BaseFont base) throws DocumentException, IOException {
        Font issuer = new Font(base, 20, Font.BOLD, RED);
        Font title = new Font(base, 15, Font.BOLD);
        Font heading = new Font(base, 12, Font.BOLD);
        Font text = new Font(base, 10.5f);
        Font cell = new Font(base, 9);
        Font small = new Font(base, 8, Font.NORMAL, Color.DARK_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.getExtraCatalog().put(com.lowagie.text.pdf.PdfName.LANG,
                new com.lowagie.text.pdf.PdfString(v.edition().lang()));
        document.addTitle(v.title());
        document.addCreator("hcp reporting-service");
        document.open();

        if (v.issuer() != null) {
            document.add(centred(v.issuer(), issuer, 0));
            if (v.documentNumber() != null) {
                document.add(centred(v.documentNumber(), text, 4));
            }
            PdfPTable rule = new PdfPTable(1);
            rule.setWidthPercentage(100);
            PdfPCell line = new PdfPCell(new Phrase(" ", small));
            line.setBorder(PdfPCell.BOTTOM);
            line.setBorderColor(RED);
            line.setBorderWidthBottom(2);
            rule.addCell(line);
            document.add(rule);
        }
        document.add(centred(v.title(), title, 12));
        document.add(centred(v.scopeLine() + (v.issuedAt() == null ? "" : " · " + v.edition().pick("发布时间：",
                "Published ") + v.issuedAt()), small, 4));
        for (String p : v.summary()) {
            Paragraph paragraph = new Paragraph(p, text);
            paragraph.setFirstLineIndent(21);
            paragraph.setLeading(17);
            paragraph.setSpacingBefore(6);
            document.add(paragraph);
        }
        for (BulletinView.Section s : v.sections()) {
            section(document, s, heading, cell, small);
        }
        PdfPTable notes = table(new float[] {1});
        notes.setSpacingBefore(12);
        headingRow(notes, v.edition().pick("说明", "Notes"), heading, 1);
        notes.setHeaderRows(1);
        for (String n : v.notes()) {
            PdfPCell c = new PdfPCell(new Phrase(n, small));
            c.setBorder(PdfPCell.NO_BORDER);
            c.setPadding(2);
            notes.addCell(c);
        }
        document.add(notes);
        Paragraph hash = new Paragraph(v.edition().pick("内容摘要（SHA-256）：", "Content hash (SHA-256): ")
                + v.contentHash(), small);
        hash.setSpacingBefore(8);
        document.add(hash);

        if (!v.errata().isEmpty()) {
            PdfPTable table = table(new float[] {3, 1.5f, 1.5f});
            headingRow(table, v.edition().pick("勘误：通报发布后本月数据的变化",
                    "Errata: what changed in this month after publication"), new Font(base, 12, Font.BOLD, ERRATA), 3);
            row(table, cell, List.of(v.edition().pick("指标", "Figure"), v.edition().pick("通报时", "Published"),
                    v.edition().pick("现在", "Now")), List.of(false, true, true), true);
            table.setHeaderRows(2);
            v.errata().forEach(e -> row(table, cell, e, List.of(false, true, true), false));
            table.setSpacingBefore(14);
            document.add(table);
        }
        document.close();
        return out.toByteArray();
    }

    private void section(Document document, BulletinView.Section s, Font heading, Font cell, Font small)
            throws DocumentException, IOException {
        int columns = s.table().columns().size();
        PdfPTable table = table(widths(s.table()));
        table.setSpacingBefore(12);
        Optional<byte[]> png = s.chart() == null ? Optional.empty() : charts.png(s.chart());
        if (png.isPresent()) {
            // The heading and its chart on one page: a table of one cell that is kept together.
            PdfPTable withChart = new PdfPTable(1);
            withChart.setWidthPercentage(100);
            withChart.setKeepTogether(true);
            withChart.setSpacingBefore(12);
            headingRow(withChart, s.heading(), heading, 1);
            Image image = Image.getInstance(png.get());
            image.scaleToFit(WIDTH * 0.9f, WIDTH * 0.9f * ChartRenderer.height(s.chart()) / ChartRenderer.WIDTH);
            PdfPCell chart = new PdfPCell(image, false);
            chart.setBorder(PdfPCell.NO_BORDER);
            chart.setHorizontalAlignment(Element.ALIGN_CENTER);
            chart.setPadding(4);
            withChart.addCell(chart);
            document.add(withChart);
            table.setSpacingBefore(4);
        } else {
            headingRow(table, s.heading(), heading, columns);
        }
        row(table, cell, s.table().columns(), s.table().numeric(), true);
        table.setHeaderRows(png.isPresent() ? 1 : 2);
        s.table().rows().forEach(r -> row(table, cell, r, s.table().numeric(), false));
        document.add(table);
        if (s.note() != null) {
            document.add(new Paragraph(s.note(), small));
        }
    }

    /** Each column as wide as its longest line needs (a CJK character counting twice), within bounds. */
    private static float[] widths(BulletinView.Table t) {
        float[] w = new float[t.columns().size()];
        for (int i = 0; i < w.length; i++) {
            int longest = Math.min(width(t.columns().get(i)), 12);
            for (List<String> row : t.rows()) {
                longest = Math.max(longest, width(row.get(i)));
            }
            w[i] = Math.max(4, Math.min(longest, 36));
        }
        return w;
    }

    private static int width(String s) {
        return s.codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum();
    }

    private static Paragraph centred(String s, Font font, float before) {
        Paragraph p = new Paragraph(s, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(before);
        return p;
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        return table;
    }

    private static void headingRow(PdfPTable table, String heading, Font font, int columns) {
        PdfPCell c = new PdfPCell(new Phrase(heading, font));
        c.setColspan(columns);
        c.setBorder(PdfPCell.NO_BORDER);
        c.setPaddingBottom(6);
        table.addCell(c);
    }

    private static void row(PdfPTable table, Font font, List<String> cells, List<Boolean> numeric, boolean header) {
        for (int i = 0; i < cells.size(); i++) {
            PdfPCell c = new PdfPCell(new Phrase(cells.get(i), font));
            c.setBorder(PdfPCell.BOTTOM);
            c.setBorderColor(RULE);
            c.setPadding(3);
            if (header) {
                c.setBackgroundColor(HEAD);
            }
            c.setHorizontalAlignment(numeric.get(i) ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            table.addCell(c);
        }
    }
}
