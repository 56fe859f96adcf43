package org.hcp.reporting.rest;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.bulletin.BulletinPublished;
import org.hcp.events.bulletin.BulletinScope;
import org.hcp.reporting.domain.Bulletins;

/**
 * The bulletin as a PDF (R4.3), drawn by OpenPDF from the frozen payload, with the errata after it as on the web page.
 * Chinese needs a CJK TrueType font: the first of {@code hcp.bulletin.pdf-fonts} that exists is embedded (only the
 * glyphs used). {@code ./hcp} installs Debian's {@code fonts-wqy-microhei}, and so does the service's image. Aggregates
 * only (R4.7): nothing here names an evaluator.
 */
@ApplicationScoped
public class BulletinPdf {

    private static final Color RULE = new Color(0xDD, 0xDD, 0xDD);
    private static final Color ERRATA = new Color(0xB4, 0x53, 0x09);

    private final List<String> fonts;

    public BulletinPdf(@ConfigProperty(name = "hcp.bulletin.pdf-fonts") List<String> fonts) {
        this.fonts = fonts;
    }

    /** The first configured font file that exists; of a collection (.ttc), its first font. */
    Optional<String> font() {
        return fonts.stream().map(String::strip).filter(f -> Files.isReadable(Path.of(f)))
                .map(f -> f.toLowerCase(java.util.Locale.ROOT).endsWith(".ttc") ? f + ",0" : f).findFirst();
    }

    /** The PDF's bytes, or empty when no CJK font is installed. */
    Optional<byte[]> render(BulletinPublished b, List<Bulletins.Erratum> errata) {
        return font().map(path -> {
            try {
                return draw(b, errata, BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED));
            } catch (IOException | DocumentException e) {
                throw new IllegalStateException("could not draw bulletin " + b.bulletinId() + " with font " + path, e);
            }
        });
    }

    private static byte[] draw(BulletinPublished b, List<Bulletins.Erratum> errata, BaseFont base)
            throws DocumentException {
        Font title = new Font(base, 16, Font.BOLD);
        Font heading = new Font(base, 12, Font.BOLD);
        Font text = new Font(base, 9.5f);
        Font small = new Font(base, 8, Font.NORMAL, Color.GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle("政务服务“好差评”月度通报 " + b.month() + " " + scopeName(b));
        document.addCreator("hcp reporting-service");
        document.open();

        document.add(new Paragraph("政务服务“好差评”月度通报", title));
        document.add(new Paragraph(b.month() + " · " + (b.scope() == BulletinScope.REGION ? "区域 " : "机构 ")
                + scopeName(b) + " · Monthly bulletin", text));

        document.add(section("主要指标 Figures", heading));
        PdfPTable figures = table(new float[] {3, 2, 1.4f});
        BulletinDocuments.figureRows(b).forEach(r -> row(figures, text, r.zh(), r.en(), r.value()));
        document.add(figures);

        document.add(section("分渠道评价数 Ratings by channel", heading));
        PdfPTable channels = table(new float[] {3, 2, 1.4f});
        BulletinDocuments.channelRows(b).forEach(r -> row(channels, text, r.zh(), r.en(), r.value()));
        document.add(channels);

        if (!b.ranking().isEmpty()) {
            document.add(section("排名（按可比满意度指数下限） Fair ranking", heading));
            PdfPTable ranking = table(new float[] {0.7f, 3.2f, 1, 1.2f, 1, 1.8f});
            row(ranking, text, "名次", b.scope() == BulletinScope.REGION ? "机构" : "工作人员", "评价数", "原始满意率",
                    "指数", "95% 区间");
            b.ranking().forEach(r -> row(ranking, text, Integer.toString(r.rank()),
                    r.name() == null ? r.unit() : r.name() + " " + r.unit(), Long.toString(r.ratings()),
                    String.valueOf(r.rawRate()), String.valueOf(r.index()), r.lower() + " – " + r.upper()));
            document.add(ranking);
        }
        if (!b.topTags().isEmpty()) {
            document.add(section("差评主要问题 Most used bad-review tags", heading));
            PdfPTable tags = table(new float[] {3, 2, 1.4f});
            b.topTags().forEach(t -> row(tags, text, t.name() == null ? t.tag() : t.name(), t.tag(),
                    Long.toString(t.count())));
            document.add(tags);
        }
        Paragraph hash = new Paragraph("内容摘要 SHA-256: " + b.contentHash() + " · 发布 " + b.publishedAt(), small);
        hash.setSpacingBefore(14);
        document.add(hash);

        if (!errata.isEmpty()) {
            Font errataHeading = new Font(base, 12, Font.BOLD, ERRATA);
            document.add(section("勘误 Errata: what changed in this month after publication", errataHeading));
            PdfPTable table = table(new float[] {3, 2, 2});
            row(table, text, "项目", "通报时", "现在");
            errata.forEach(e -> row(table, text, e.figure(), e.published() == null ? "—" : e.published().toString(),
                    e.now() == null ? "—" : e.now().toString()));
            document.add(table);
        }
        document.close();
        return out.toByteArray();
    }

    private static String scopeName(BulletinPublished b) {
        return b.scopeName() == null ? b.scopeCode() : b.scopeName() + " " + b.scopeCode();
    }

    private static Paragraph section(String heading, Font font) {
        Paragraph p = new Paragraph(heading, font);
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        return p;
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        return table;
    }

    private static void row(PdfPTable table, Font font, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            PdfPCell cell = new PdfPCell(new Phrase(cells[i], font));
            cell.setBorder(PdfPCell.BOTTOM);
            cell.setBorderColor(RULE);
            cell.setPadding(3);
            // Figures read as numbers: the last column aligns right like the page's.
            cell.setHorizontalAlignment(i == cells.length - 1 ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            table.addCell(cell);
        }
    }
}
