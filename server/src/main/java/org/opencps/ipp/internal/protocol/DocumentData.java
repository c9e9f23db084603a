package org.opencps.ipp.internal.protocol;

import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.opencps.printing.DocumentFormat;

/**
 * A document as it arrives: decompressed, counted against the size limit, and with a known
 * format (the declared one, or the one its first bytes show for application/octet-stream).
 * Whatever goes wrong while the print job reads it is remembered here, so the client gets the
 * right status however the reader wraps the error.
 */
final class DocumentData extends FilterInputStream {

    private final DocumentFormat format;
    private final boolean compressed;
    private final long limit;
    private long count;
    private IppStatusException failure;

    private DocumentData(InputStream in, DocumentFormat format, boolean compressed, long limit) {
        super(in);
        this.format = format;
        this.compressed = compressed;
        this.limit = limit;
    }

    static DocumentData open(InputStream body, RequestAttributes operation, long limit) throws IOException {
        String declared = checkFormat(operation);
        String compression = checkCompression(operation);
        InputStream decompressed;
        try {
            decompressed = decompress(body, compression);
        } catch (EOFException empty) {
            throw new IppStatusException(Status.clientErrorBadRequest, "the request carries no document");
        } catch (ZipException broken) {
            throw new IppStatusException(Status.clientErrorCompressionError, "the document is not valid " + compression + " data");
        }
        var head = new PushbackInputStream(decompressed, 8);
        byte[] first;
        try {
            first = head.readNBytes(8);
        } catch (ZipException | EOFException broken) {
            throw new IppStatusException(Status.clientErrorCompressionError, "the document is not valid " + compression + " data");
        }
        if (first.length == 0) {
            throw new IppStatusException(Status.clientErrorBadRequest, "the request carries no document");
        }
        head.unread(first);
        DocumentFormat format = declared != null ? DocumentFormat.ofMediaType(declared).orElseThrow()
                : sniff(first).orElseThrow(() -> new IppStatusException(Status.clientErrorDocumentFormatNotSupported,
                        "the document is not PDF, JPEG, PWG raster or Apple raster"));
        return new DocumentData(head, format, !compression.equals("none"), limit);
    }

    /** The declared document-format, or null for none or application/octet-stream. */
    static String checkFormat(RequestAttributes operation) {
        String declared = operation.single(Types.documentFormat).map(value -> value.toLowerCase(Locale.ROOT)).orElse(null);
        if (declared == null || declared.equals(PrinterCapabilities.OCTET_STREAM)) {
            return null;
        }
        if (DocumentFormat.ofMediaType(declared).isEmpty()) {
            throw new IppStatusException(Status.clientErrorDocumentFormatNotSupported, "'" + declared + "' is not accepted; send "
                    + PrinterCapabilities.DOCUMENT_FORMATS, List.of(Types.documentFormat.of(declared)));
        }
        return declared;
    }

    static String checkCompression(RequestAttributes operation) {
        String compression = operation.single(Types.compression).orElse("none");
        if (!PrinterCapabilities.COMPRESSIONS.contains(compression)) {
            throw new IppStatusException(Status.clientErrorCompressionNotSupported, "compression '" + compression + "' is not supported",
                    List.of(Types.compression.of(compression)));
        }
        return compression;
    }

    DocumentFormat format() {
        return format;
    }

    /** What went wrong while the document was read, if anything did. */
    Optional<IppStatusException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (ZipException | EOFException broken) {
            throw fail(compressed ? Status.clientErrorCompressionError : Status.clientErrorBadRequest,
                    compressed ? "the compressed document is damaged" : "the document ended early", broken);
        } catch (IOException unreadable) {
            throw fail(Status.clientErrorBadRequest, "the document could not be read", unreadable);
        }
        if (n > 0 && (count += n) > limit) {
            throw fail(Status.clientErrorRequestEntityTooLarge, "the document is larger than " + limit + " bytes", null);
        }
        return n;
    }

    /** Skipped bytes count against the limit too. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    private IOException fail(Status status, String message, IOException cause) {
        failure = new IppStatusException(status, message);
        return cause != null ? cause : new IOException(message);
    }

    private static InputStream decompress(InputStream body, String compression) throws IOException {
        return switch (compression) {
            case "gzip" -> new GZIPInputStream(body);
            case "deflate" -> {
                var peek = new PushbackInputStream(body, 2);
                byte[] header = peek.readNBytes(2);
                if (header.length == 0) {
                    throw new EOFException();
                }
                peek.unread(header);
                boolean zlib = header.length == 2 && (header[0] & 0x0F) == 8 && (((header[0] & 0xFF) << 8) | (header[1] & 0xFF)) % 31 == 0;
                yield new InflaterInputStream(peek, new Inflater(!zlib));
            }
            default -> body;
        };
    }

    private static Optional<DocumentFormat> sniff(byte[] first) {
        if (startsWith(first, "%PDF")) {
            return Optional.of(DocumentFormat.PDF);
        }
        if (first.length >= 3 && (first[0] & 0xFF) == 0xFF && (first[1] & 0xFF) == 0xD8 && (first[2] & 0xFF) == 0xFF) {
            return Optional.of(DocumentFormat.JPEG);
        }
        if (startsWith(first, "RaS2")) {
            return Optional.of(DocumentFormat.PWG_RASTER);
        }
        if (startsWith(first, "UNIRAST")) {
            return Optional.of(DocumentFormat.URF);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, String magic) {
        byte[] expected = magic.getBytes(StandardCharsets.US_ASCII);
        return data.length >= expected.length && Arrays.equals(data, 0, expected.length, expected, 0, expected.length);
    }
}
