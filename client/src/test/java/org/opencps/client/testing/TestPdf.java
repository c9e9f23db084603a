package org.opencps.client.testing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Valid PDFs (correct cross-reference table), one line of text per page, optionally padded to a large size. */
public final class TestPdf {

    private TestPdf() {
    }

    public static Path write(Path file, int pages) {
        return write(file, pages, 0);
    }

    /** With {@code padding} bytes of blanks in the first page's content stream (written as they go, never held whole). */
    public static Path write(Path file, int pages, long padding) {
        try (var out = new Counting(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            List<Long> offsets = new ArrayList<>();
            out.text("%PDF-1.4\n");
            int objects = 3 + 2 * pages;
            for (int n = 1; n <= objects; n++) {
                offsets.add(out.count);
                out.text(n + " 0 obj\n");
                if (n == 1) {
                    out.text("<< /Type /Catalog /Pages 2 0 R >>");
                } else if (n == 2) {
                    StringBuilder kids = new StringBuilder();
                    for (int i = 0; i < pages; i++) {
                        kids.append(4 + 2 * i).append(" 0 R ");
                    }
                    out.text("<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>");
                } else if (n == 3) {
                    out.text("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
                } else if (n % 2 == 0) {
                    out.text("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
                            + " /Contents " + (n + 1) + " 0 R >>");
                } else {
                    int page = (n - 5) / 2 + 1;
                    String text = "BT /F1 24 Tf 72 760 Td (OpenCPS client test, page " + page + ") Tj ET\n";
                    long extra = page == 1 ? padding : 0;
                    out.text("<< /Length " + (text.length() + extra) + " >>\nstream\n" + text);
                    out.blanks(extra);
                    out.text("\nendstream");
                }
                out.text("\nendobj\n");
            }
            long xref = out.count;
            StringBuilder table = new StringBuilder("xref\n0 " + (objects + 1) + "\n0000000000 65535 f \n");
            offsets.forEach(offset -> table.append(String.format("%010d 00000 n \n", offset)));
            out.text(table + "trailer\n<< /Size " + (objects + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts what it writes, for the cross-reference offsets. */
    private static final class Counting extends java.io.FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        void text(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            out.write(bytes);
            count += bytes.length;
        }

        void blanks(long n) throws IOException {
            byte[] chunk = new byte[1 << 16];
            Arrays.fill(chunk, (byte) ' ');
            for (long left = n; left > 0; left -= chunk.length) {
                int len = (int) Math.min(left, chunk.length);
                out.write(chunk, 0, len);
                count += len;
            }
        }
    }
}
