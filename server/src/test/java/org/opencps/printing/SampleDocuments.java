package org.opencps.printing;

import com.hp.jipp.pdl.ColorSpace;
import com.hp.jipp.pdl.RenderableDocument;
import com.hp.jipp.pdl.RenderablePage;
import com.hp.jipp.pdl.pwg.PwgWriter;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Real documents of every accepted format, made for tests. */
public final class SampleDocuments {

    private SampleDocuments() {
    }

    public static byte[] pdf(int pages) {
        try (PDDocument document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (var content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText("Page " + i);
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] jpeg(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width / 2, height / 2);
        g.dispose();
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PWG raster written by jipp-pdl's PwgWriter: RGB pages with a few colored stripes. */
    public static byte[] pwg(int pages, int width, int height) {
        List<RenderablePage> list = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            list.add(new RenderablePage(width, height) {
                @Override
                public void render(int yOffset, int swathHeight, ColorSpace colorSpace, byte[] output) {
                    int bpp = colorSpace.getBytesPerPixel();
                    Arrays.fill(output, (byte) 0xFF);
                    for (int y = 0; y < swathHeight; y++) {
                        if ((yOffset + y) % 7 == 0) {
                            for (int x = 0; x < width * bpp; x++) {
                                output[(y * width * bpp) + x] = (byte) (x * 31 + y);
                            }
                        }
                    }
                }
            });
        }
        RenderableDocument document = new RenderableDocument() {
            @Override
            public int getDpi() {
                return 72;
            }

            @Override
            public Iterator<RenderablePage> iterator() {
                return list.iterator();
            }
        };
        try (var out = new ByteArrayOutputStream(); var writer = new PwgWriter(out)) {
            writer.write(document);
            writer.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** URF (Apple raster) as CUPS documents it, 24-bit sRGB, using repeats, literals and the fill code. */
    public static byte[] urf(int pages, int declaredPages, int width, int height) {
        var out = new ByteArrayOutputStream();
        out.writeBytes("UNIRAST\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).putInt(declaredPages).array());
        for (int p = 0; p < pages; p++) {
            out.writeBytes(urfPageHeader(24, 1, width, height, 300));
            int row = 0;
            while (row < height) {
                int repeat = Math.min(256, height - row);
                out.write(repeat - 1);
                // two literal pixels, then runs of one color, then the fill code for the rest
                out.write(257 - 2);
                out.writeBytes(new byte[] {10, 20, 30, 40, 50, 60});
                int left = width - 2;
                int runs = Math.min(left, 128 * 3);
                while (runs > 0) {
                    int n = Math.min(128, runs);
                    out.write(n - 1);
                    out.writeBytes(new byte[] {(byte) 200, 0, 0});
                    runs -= n;
                    left -= n;
                }
                if (left > 0) {
                    out.write(128);
                }
                row += repeat;
            }
        }
        return out.toByteArray();
    }

    /**
     * The URF of the finding: 128-bit gray pages whose every line-repeat byte stands for 256 lines
     * and whose every line is the single fill code, so each {@code width} x {@code height} page of
     * 1 MB lines (at width 65535) takes 32 + 2 bytes per 256 lines: 544 bytes at height 65535.
     */
    public static byte[] hostileUrf(int pages, int width, int height) {
        var out = new ByteArrayOutputStream();
        out.writeBytes("UNIRAST\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).putInt(pages).array());
        for (int p = 0; p < pages; p++) {
            out.writeBytes(urfPageHeader(128, 0, width, height, 600));
            for (int row = 0; row < height; row += 256) {
                out.write(Math.min(256, height - row) - 1);
                out.write(128);
            }
        }
        return out.toByteArray();
    }

    /**
     * Its PWG raster analogue (PWG has no fill code): 128-bit gray pages whose lines repeat 256
     * times and are runs of 128 identical pixels, each run 17 bytes for 2 KiB of line.
     */
    public static byte[] hostilePwg(int pages, int width, int height) {
        var out = new ByteArrayOutputStream();
        out.writeBytes("RaS2".getBytes(StandardCharsets.US_ASCII));
        for (int p = 0; p < pages; p++) {
            out.writeBytes(pwgPageHeader(128, width, height));
            for (int row = 0; row < height; row += 256) {
                out.write(Math.min(256, height - row) - 1);
                for (int left = width; left > 0; left -= 128) {
                    out.write(Math.min(128, left) - 1);
                    out.writeBytes(new byte[16]);
                }
            }
        }
        return out.toByteArray();
    }

    /** A 1796-byte PWG raster page header: chunked, one color per pixel of the given depth, 600 dpi. */
    public static byte[] pwgPageHeader(int bitsPerPixel, int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(1796);
        header.put("PwgRaster".getBytes(StandardCharsets.US_ASCII));
        header.putInt(276, 600).putInt(280, 600).putInt(372, width).putInt(376, height).putInt(384, bitsPerPixel)
                .putInt(388, bitsPerPixel).putInt(392, (int) (((long) width * bitsPerPixel + 7) / 8)).putInt(396, 0)
                .putInt(420, 1);
        return header.array();
    }

    public static byte[] urfPageHeader(int bitsPerPixel, int colorSpace, int width, int height, int dpi) {
        ByteBuffer header = ByteBuffer.allocate(32);
        header.put(0, (byte) bitsPerPixel).put(1, (byte) colorSpace).put(2, (byte) 1).put(3, (byte) 4);
        header.putInt(12, width).putInt(16, height).putInt(20, dpi);
        return header.array();
    }

    /** A PDF with a catalog (object 1) pointing at page tree node 2, and a correct cross-reference table. */
    public static String pdfWithPageTree(String objects, int lastObject) {
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        long[] offsets = new long[lastObject + 1];
        String all = "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + objects;
        for (String line : all.split("\n")) {
            int id = Integer.parseInt(line.substring(0, line.indexOf(' ')));
            offsets[id] = pdf.length();
            pdf.append(line).append('\n');
        }
        long xref = pdf.length();
        pdf.append("xref\n0 ").append(lastObject + 1).append("\n0000000000 65535 f \n");
        for (int i = 1; i <= lastObject; i++) {
            pdf.append(String.format("%010d 00000 n \n", offsets[i]));
        }
        pdf.append("trailer << /Size ").append(lastObject + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString();
    }
}
