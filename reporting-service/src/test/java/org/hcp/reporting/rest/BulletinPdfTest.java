package org.hcp.reporting.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hcp.events.EventJson;
import org.hcp.events.bulletin.BulletinPublished;
import org.hcp.reporting.publication.BulletinSummary;
import org.hcp.reporting.publication.BulletinView;
import org.hcp.reporting.publication.ChartRenderer;
import org.hcp.reporting.publication.CjkFont;
import org.hcp.reporting.publication.Edition;
import org.junit.jupiter.api.Test;

/**
 * R4.3 / R4.7: the PDF of a city's bulletin, read back as its reader sees it: the issuer, the number, the summary, the
 * names of its districts and institutions, and no code a reader cannot read (no channel, tag or unit code). The
 * bulletin is one the service published over a generated history (test resources), with its districts compared.
 */
class BulletinPdfTest {

    private static final BulletinView.Naming NAMING = new BulletinView.Naming("SATISFACTION",
            Map.of("MATERIALS", "Too many documents")::get);

    private static final List<String> FONTS = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    /** A channel, tag or status code (HOTLINE_12345, MATERIALS), a unit code (G-220202-C), a raw rate (0.7444). */
    private static final Pattern CODES = Pattern.compile("[A-Z]{2,}_[A-Z0-9_]+|\\b[A-Z]{4,}\\b|G-\\d{6}|\\b0\\.\\d{3,}");

    private static BulletinPublished fixture(String name) throws IOException {
        try (InputStream in = BulletinPdfTest.class.getResourceAsStream("/bulletins/" + name)) {
            return EventJson.mapper().readValue(in, BulletinPublished.class);
        }
    }

    private static String render(BulletinPublished b, Edition e) throws IOException {
        CjkFont font = new CjkFont(FONTS);
        assumeTrue(font.pdfPath().isPresent(), "no CJK font installed (./hcp installs fonts-wqy-microhei)");
        BulletinView view = BulletinView.of(b, List.of(), e, NAMING);
        byte[] pdf = new BulletinPdf(font, new ChartRenderer(font)).render(view).orElseThrow();
        Path out = Path.of("target", "bulletins", b.bulletinId().replace('/', '-') + "." + e.lang() + ".pdf");
        Files.createDirectories(out.getParent());
        Files.write(out, pdf);
        return PdfText.of(pdf);
    }

    @Test
    void r4_3_theCitysPdfHoldsItsSummaryAndNamesAndNoCodes() throws IOException {
        BulletinPublished city = fixture("2026-09-REGION-220200.json");
        String text = render(city, Edition.ZH).replace("\n", "");
        String firstSentence = BulletinSummary.of(city, Edition.ZH, NAMING).get(0).split("，")[0];
        assertTrue(text.contains(firstSentence), "the summary: " + firstSentence + " in " + text);
        for (String expected : List.of("吉林市政务服务和数字化建设管理局", "吉市政数评〔2026〕9-1号", "各县（市）区评价情况",
                "昌邑区", "船营区", "吉林经济技术开发区", "船营区便民服务站", "窗口评价器", "材料繁琐", "96.36%")) {
            assertTrue(text.contains(expected), expected + " in " + text);
        }
        Matcher code = CODES.matcher(text.replace(city.contentHash(), ""));
        assertFalse(code.find(), () -> "a code in the Chinese PDF: " + code.group());
    }

    @Test
    void r4_3_theEnglishEditionIsATranslationNotInterleaved() throws IOException {
        String text = render(fixture("2026-09-INSTITUTION-G-220202-C.json"), Edition.EN);
        assertTrue(text.contains("Government Service Ratings Bulletin") && text.contains("Main figures")
                && text.contains("Too many documents"), text);
        assertFalse(text.contains("主要指标") || text.contains("评价总数"), "no Chinese label in the English edition");
    }
}
