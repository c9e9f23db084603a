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
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.opencps.printing.DocumentLimitExceededException;
import org.opencps.printing.DocumentLimitExceededException.Limit;
import org.opencps.printing.InvalidDocumentException;

/**
 * Counts a PDF's pages by walking its page tree from the catalog, without trusting /Count and
 * without decoding any content stream: PDFBox parses objects lazily, so only the cross-reference
 * data and the page tree's own objects are read. Every bound is structural: the number of objects
 * the cross-reference data lists, the depth of the tree and its nodes (each visited once, so a
 * cyclic tree ends; a node's kids are counted before any is queued), the page limit, and a cap on
 * PDFBox's scratch memory (never a temporary file: the document is plaintext there). PDFBox reads
 * through the decrypting channel.
 */
final class PdfPageCount {

    /** PDFBox's scratch buffers; counting writes no stream, so this is only a backstop. */
    static final long SCRATCH_MEMORY = 16L * 1024 * 1024;

    private final int maxPages;
    private final int maxDepth;
    private final int maxObjects;

    PdfPageCount(int maxPages, int maxDepth, int maxObjects) {
        this.maxPages = maxPages;
        this.maxDepth = maxDepth;
        this.maxObjects = maxObjects;
    }

    int count(SeekableByteChannel channel) throws IOException {
        if (!startsLikePdf(channel)) {
            throw new InvalidDocumentException("not a PDF: it does not start with %PDF-");
        }
        try (PDDocument document = Loader.loadPDF(new ChannelRandomAccessRead(channel),
                MemoryUsageSetting.setupMainMemoryOnly(SCRATCH_MEMORY).streamCache)) {
            int objects = document.getDocument().getXrefTable().size();
            if (objects > maxObjects) {
                throw limit(Limit.PDF_OBJECTS, maxObjects, "the PDF has " + objects + " objects, more than the "
                        + maxObjects + " accepted");
            }
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
        int maxNodes = 2 * maxPages + 1000;
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (!seen.add(node.dictionary())) {
                throw new InvalidDocumentException("not a valid PDF: its page tree has a cycle");
            }
            nodes++;
            COSArray kids = node.dictionary().getCOSArray(COSName.KIDS);
            boolean isPage = COSName.PAGE.equals(node.dictionary().getCOSName(COSName.TYPE)) || kids == null;
            if (isPage) {
                if (++pages > maxPages) {
                    throw PageCounter.tooManyPages(maxPages);
                }
                continue;
            }
            if (node.depth() >= maxDepth) {
                throw limit(Limit.PDF_TREE_DEPTH, maxDepth, "the PDF's page tree is deeper than " + maxDepth + " levels");
            }
            if ((long) nodes + stack.size() + kids.size() > maxNodes) {
                throw limit(Limit.PDF_TREE_NODES, maxNodes, "the PDF's page tree has more than " + maxNodes + " nodes");
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

    private static DocumentLimitExceededException limit(Limit kind, long value, String message) {
        return new DocumentLimitExceededException(kind, value, message);
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
