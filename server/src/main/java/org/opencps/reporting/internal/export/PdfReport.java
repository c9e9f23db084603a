package org.opencps.reporting.internal.export;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.opencps.reporting.UsageFigures;
import org.opencps.reporting.UsageReport;
import org.opencps.reporting.UsageReportRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A usage report as a PDF document: the page is the {@code reports/usage-pdf} template (title,
 * organization, period, generation time, tables) laid out by openhtmltopdf on PDFBox; its charts
 * are JFreeCharts drawn through PDFBox's Graphics2D as vector graphics. Texts come from the
 * message files in the requested locale. Japanese needs a font with its glyphs: the first of
 * {@link #FONTS} found on the machine is embedded (Debian: fonts-ipafont-gothic).
 */
@Component
public class PdfReport {

    static final List<String[]> FONTS = List.of(
            new String[] {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVu Sans"},
            new String[] {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "DejaVu Sans Bold"},
            new String[] {"/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf", "IPAGothic"},
            new String[] {"/usr/share/fonts/truetype/fonts-japanese-gothic.ttf", "IPAGothic"});
    static final int TOP = 10;

    private final ITemplateEngine templates;
    private final MessageSource messages;

    PdfReport(ITemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    public byte[] render(UsageReport report, Locale locale) {
        Map<String, JFreeChart> charts = new HashMap<>();
        charts.put("periods", periodsChart(report, locale));
        if (report.request().by() != UsageReportRequest.Dimension.ORGANIZATION) {
            charts.put("subjects", subjectsChart(report, locale));
        }
        Context context = new Context(locale);
        context.setVariable("r", report);
        context.setVariable("charts", charts.keySet());
        context.setVariable("generated", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .format(report.generatedAt().atZone(ZoneId.of(report.timeZone()))));
        return layOut(templates.process("reports/usage-pdf", context), charts);
    }

    /**
     * A PDF from a page of HTML (a template's output): A4 as its CSS says, with the fonts found,
     * each {@code <object type="opencps/chart" data-chart="name">} drawn from {@code charts}.
     */
    public static byte[] layOut(String html, Map<String, JFreeChart> charts) {
        DefaultObjectDrawerFactory drawers = new DefaultObjectDrawerFactory();
        drawers.registerDrawer(ChartDrawer.TYPE, new ChartDrawer(charts));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            for (String[] font : FONTS) {
                File file = new File(font[0]);
                if (file.isFile()) {
                    builder.useFont(file, font[1]);
                }
            }
            builder.useObjectDrawerFactory(drawers);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not lay out the PDF report", e);
        }
        return out.toByteArray();
    }

    private JFreeChart periodsChart(UsageReport report, Locale locale) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String color = text("report.figure.colorPages", locale);
        String mono = text("report.figure.monochromePages", locale);
        for (int i = 0; i < report.periods().size(); i++) {
            UsageFigures f = report.totalPerPeriod().get(i);
            String label = report.request().per() == UsageReportRequest.Per.MONTH
                    ? report.periods().get(i).toString().substring(0, 7) : report.periods().get(i).toString().substring(5);
            data.addValue(f.colorPages(), color, label);
            data.addValue(f.monochromePages(), mono, label);
        }
        return ChartDrawer.styled(ChartFactory.createStackedBarChart(null, null, null, data, PlotOrientation.VERTICAL,
                true, false, false));
    }

    private JFreeChart subjectsChart(UsageReport report, Locale locale) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String color = text("report.figure.colorPages", locale);
        String mono = text("report.figure.monochromePages", locale);
        report.subjects().stream().limit(TOP).forEach(s -> {
            String label = s.name() != null ? s.name() : s.id().toString().substring(0, 8);
            data.addValue(s.total().colorPages(), color, label);
            data.addValue(s.total().monochromePages(), mono, label);
        });
        return ChartDrawer.styled(ChartFactory.createStackedBarChart(null, null, null, data, PlotOrientation.HORIZONTAL,
                true, false, false));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
