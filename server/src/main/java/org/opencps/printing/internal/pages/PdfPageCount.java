package org.opencps.printing.internal.pages;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.opencps.printing.InvalidDocumentException;

/**
 * Counts a PDF's pages by walking its page tree from the catalog, without trusting /Count and
 * without decoding any content stream: depth is bounded, every node is visited once (a cyclic
 * tree ends), and the walk stops past the page limit. PDFBox reads through the decrypting channel.
 */
final class PdfPageCount {

    private final int maxPages;
    private final int maxDepth;

    PdfPageCount(int maxPages, int maxDepth) {
        this.maxPages = maxPages;
        this.maxDepth = maxDepth;
    }

    int count(SeekableByteChannel channel) throws IOException {
        if (!startsLikePdf(channel)) {
            throw new InvalidDocumentException("not a PDF: it does not start with %PDF-");
        }
        try (PDDocument document = Loader.loadPDF(new ChannelRandomAccessRead(channel))) {
            COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            COSDictionary root = catalog.getCOSDictionary(COSName.PAGES);
            if (root == null) {
                throw new InvalidDocumentException("not a valid PDF: it has no page tree");
            }
            int pages = walk(root);
            if (pages == 0) {
                throw new InvalidDocumentException("the PDF has no pages");
            }
            return pages;
        } catch (InvalidPasswordException e) {
            throw new InvalidDocumentException("the PDF is protected by a password; print it without one");
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidDocumentException invalid) {
                throw invalid;
            }
            throw new InvalidDocumentException("not a valid PDF: " + e.getMessage());
        }
    }

    private record Node(COSDictionary dictionary, int depth) {
    }

    private int walk(COSDictionary root) {
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(new Node(root, 1));
        int pages = 0;
        int nodes = 0;
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (!seen.add(node.dictionary())) {
                throw new InvalidDocumentException("not a valid PDF: its page tree has a cycle");
            }
            if (++nodes > 2 * maxPages + 1000) {
                throw new InvalidDocumentException("the PDF's page tree has too many nodes");
            }
            COSArray kids = node.dictionary().getCOSArray(COSName.KIDS);
            boolean isPage = COSName.PAGE.equals(node.dictionary().getCOSName(COSName.TYPE)) || kids == null;
            if (isPage) {
                if (++pages > maxPages) {
                    throw new InvalidDocumentException("the PDF has more than " + maxPages + " pages");
                }
                continue;
            }
            if (node.depth() >= maxDepth) {
                throw new InvalidDocumentException("the PDF's page tree is deeper than " + maxDepth + " levels");
            }
            for (int i = kids.size() - 1; i >= 0; i--) {
                COSBase kid = kids.get(i);
                if (kid instanceof COSObject reference) {
                    kid = reference.getObject();
                }
                if (kid instanceof COSDictionary dictionary) {
                    stack.push(new Node(dictionary, node.depth() + 1));
                }
            }
        }
        return pages;
    }

    private static boolean startsLikePdf(SeekableByteChannel channel) throws IOException {
        var head = java.nio.ByteBuffer.allocate(1024);
        channel.position(0);
        while (head.hasRemaining() && channel.read(head) >= 0) {
            // fill the first kilobyte (or the whole document, if shorter)
        }
        channel.position(0);
        String text = new String(head.array(), 0, head.position(), java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.contains("%PDF-");
    }
}
