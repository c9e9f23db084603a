package org.opencps.reporting.internal.export;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.w3c.dom.Element;

/**
 * Draws the JFreeChart named by an {@code <object type="opencps/chart" data-chart="NAME">} of the
 * PDF's page with the renderer's Graphics2D, which on PDFBox writes vector operators (lines, fills
 * and text as shapes), not an image.
 */
final class ChartDrawer implements FSObjectDrawer {

    static final String TYPE = "opencps/chart";
    static final Color COLOR = new Color(0xc2, 0x41, 0x0c);
    static final Color MONO = new Color(0x33, 0x41, 0x55);

    private final Map<String, JFreeChart> charts;

    ChartDrawer(Map<String, JFreeChart> charts) {
        this.charts = charts;
    }

    @Override
    public Map<Shape, String> drawObject(Element e, double x, double y, double width, double height, OutputDevice device,
                                         RenderingContext ctx, int dotsPerPixel) {
        JFreeChart chart = charts.get(e.getAttribute("data-chart"));
        if (chart == null) {
            return null;
        }
        device.drawWithGraphics((float) x, (float) y, (float) width / dotsPerPixel, (float) height / dotsPerPixel,
                g -> chart.draw(g, new Rectangle2D.Double(0, 0, width / dotsPerPixel, height / dotsPerPixel)));
        return null;
    }

    /** The house style: flat bars in the portal's colours, small sans-serif text, white background. */
    static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        }
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xcb, 0xd5, 0xe1));
        plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 8));
        plot.getRangeAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 8));
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, COLOR);
        bars.setSeriesPaint(1, MONO);
        return chart;
    }
}
