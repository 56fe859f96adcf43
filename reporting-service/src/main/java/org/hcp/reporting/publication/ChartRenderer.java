package org.hcp.reporting.publication;

import jakarta.enterprise.context.ApplicationScoped;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.util.Optional;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A bulletin's chart as a PNG, drawn by JFreeChart on the server: horizontal bars, each labelled with the value as the
 * table beside it writes it, in the CJK font. Twice the displayed size, so that it stays sharp on a phone and in print.
 */
@ApplicationScoped
public class ChartRenderer {

    /** Display width in CSS pixels / PDF points; the PNG has twice as many pixels. */
    public static final int WIDTH = 560;
    private static final int SCALE = 2;
    private static final Color BAR = new Color(0x1d, 0x4e, 0x89);
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);

    private final CjkFont font;

    public ChartRenderer(CjkFont font) {
        this.font = font;
    }

    /** The display height of a chart of {@code bars} bars. */
    public static int height(BulletinView.Chart chart) {
        return 40 + 28 * Math.max(1, chart.bars().size());
    }

    /** The chart's PNG bytes, or empty without a CJK font (the table stands alone then). */
    public Optional<byte[]> png(BulletinView.Chart chart) {
        Optional<Font> base = font.awt();
        if (base.isEmpty() || chart.bars().isEmpty()) {
            return Optional.empty();
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        // Labels may repeat (two staff of one name): the row key keeps each bar apart, the label is what is drawn.
        for (int i = 0; i < chart.bars().size(); i++) {
            data.addValue(chart.rates() ? chart.bars().get(i).value() * 100 : chart.bars().get(i).value(), "v",
                    new Category(i, chart.bars().get(i).label()));
        }
        CategoryAxis categories = new CategoryAxis();
        categories.setTickLabelFont(base.get().deriveFont(Font.PLAIN, 13f * SCALE));
        categories.setCategoryMargin(0.25);
        categories.setMaximumCategoryLabelWidthRatio(0.4f);
        NumberAxis values = new NumberAxis();
        values.setTickLabelFont(base.get().deriveFont(Font.PLAIN, 12f * SCALE));
        values.setUpperMargin(0.18);
        if (chart.rates()) {
            values.setNumberFormatOverride(new DecimalFormat("0'%'"));
        }
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, BAR);
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(base.get().deriveFont(Font.PLAIN, 12f * SCALE));
        // Each value at its bar's end, where a reader looks for it.
        bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                TextAnchor.CENTER_LEFT));
        bars.setItemLabelAnchorOffset(4 * SCALE);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                return chart.bars().get(column).text();
            }
        });
        CategoryPlot plot = new CategoryPlot(data, categories, values, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(SCALE));
        JFreeChart jfc = new JFreeChart(null, base.get(), plot, false);
        jfc.setBackgroundPaint(Color.WHITE);
        try {
            return Optional.of(ChartUtils.encodeAsPNG(jfc.createBufferedImage(WIDTH * SCALE, height(chart) * SCALE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bar's category: its place keeps it apart, its label is what the axis shows. */
    private record Category(int index, String label) implements Comparable<Category> {
        @Override
        public String toString() {
            return label;
        }

        @Override
        public int compareTo(Category other) {
            return Integer.compare(index, other.index);
        }
    }
}
