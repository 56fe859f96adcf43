package org.hcp.reporting.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hcp.events.bulletin.BulletinPublished;
import org.hcp.events.text.Csv;
import org.hcp.reporting.publication.BulletinView;
import org.hcp.reporting.publication.ChartRenderer;
import org.hcp.reporting.publication.Edition;
import org.hcp.reporting.publication.FigureLabels;

/**
 * The bulletin's documents (R4.3, R4.7): CSV (the project's RFC 4180 writer) and a web page per edition (Qute,
 * escaping included), with its charts drawn on the server. Both are made from the frozen payload alone; the page shows
 * the errata below the bulletin, never inside it. Aggregates only: nothing here names an evaluator.
 */
final class BulletinDocuments {

    private BulletinDocuments() {
    }

    static String csv(BulletinPublished b) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("section", "item", "名称", "name", "value"));
        rows.add(List.of("bulletin", "bulletinId", "通报编号", "Bulletin", b.bulletinId()));
        rows.add(List.of("bulletin", "month", "月份", "Month", b.month()));
        rows.add(List.of("bulletin", "scope", "范围", "Scope", b.scope().name() + " " + b.scopeCode()
                + (b.scopeName() == null ? "" : " " + b.scopeName())));
        rows.add(List.of("bulletin", "contentHash", "内容摘要 (SHA-256)", "Content hash", b.contentHash()));
        b.figures().forEach((name, value) -> {
            FigureLabels.Label l = FigureLabels.of(name);
            rows.add(List.of("figure", name, l.zh(), l.en(), String.valueOf(value)));
        });
        b.ratingsByChannel().forEach((channel, n) -> rows.add(List.of("channel", channel,
                BulletinView.channelName(channel, Edition.ZH),
                channel, Long.toString(n))));
        b.ranking().forEach(r -> rows.add(rankingRow(r)));
        b.topTags().forEach(t -> rows.add(List.of("tag", t.tag(), t.name() == null ? t.tag() : t.name(), t.tag(),
                t.count() + (t.share() == null ? "" : " (" + t.share() + ")"))));
        return Csv.write(rows);
    }

    /** A unit below the policy's minimum sample is listed, never placed (样本不足), and has no index to show. */
    private static List<String> rankingRow(BulletinPublished.RankedUnit r) {
        String name = r.name() == null ? "" : " " + r.name();
        String counts = "raw " + r.rawRate() + " n=" + r.ratings();
        if (!r.isRanked()) {
            return List.of("ranking", r.unit(), "样本不足" + name, "too few ratings", counts);
        }
        return List.of("ranking", r.unit(), "第" + r.rank() + "名" + name, "rank " + r.rank(),
                r.index() + " [" + r.lower() + ", " + r.upper() + "] " + counts);
    }

    /** What the page shows: the publication in one edition, and its charts as data URIs by section. */
    record Page(BulletinView view, Map<String, String> charts) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance bulletin(Page page);
    }

    /** The bulletin's web page in one edition; {@code charts} draws each section's chart (none without a font). */
    static String html(BulletinView view, ChartRenderer charts) {
        Map<String, String> images = new LinkedHashMap<>();
        for (BulletinView.Section s : view.sections()) {
            if (s.chart() != null) {
                charts.png(s.chart()).ifPresent(png -> images.put(s.id(), "data:image/png;base64,"
                        + Base64.getEncoder().encodeToString(png)));
            }
        }
        return Templates.bulletin(new Page(view, images)).render();
    }

    /** The name a downloaded document is saved under. */
    static String fileName(BulletinPublished b, String extension) {
        return "bulletin-" + b.bulletinId().replace('/', '-') + "." + extension;
    }
}
