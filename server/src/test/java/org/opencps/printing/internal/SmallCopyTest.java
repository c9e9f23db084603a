package org.opencps.printing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class SmallCopyTest {

    @Test
    void aDocumentReadToItsEndWithinTheBoundIsKeptWhole() throws IOException {
        byte[] document = bytes(100);
        var copy = new SmallCopy(new ByteArrayInputStream(document), 100);

        assertThat(readAll(copy)).isEqualTo(document);
        assertThat(copy.whole()).isEqualTo(document);
    }

    @Test
    void oneByteOverTheBoundAndNothingIsKept() throws IOException {
        var copy = new SmallCopy(new ByteArrayInputStream(bytes(101)), 100);

        assertThat(readAll(copy)).hasSize(101);
        assertThat(copy.whole()).isNull();
    }

    @Test
    void aDocumentNotReadToItsEndIsNotWhole() throws IOException {
        var copy = new SmallCopy(new ByteArrayInputStream(bytes(50)), 100);

        assertThat(copy.read(new byte[40])).isEqualTo(40);
        assertThat(copy.whole()).isNull();
        assertThat(copy.read(new byte[40])).isEqualTo(10);
        assertThat(copy.read()).isEqualTo(-1);
        assertThat(copy.whole()).hasSize(50);
    }

    @Test
    void singleByteReadsAreKeptToo() throws IOException {
        var copy = new SmallCopy(new ByteArrayInputStream(bytes(3)), 100);
        while (copy.read() >= 0) {
            // read byte by byte
        }
        assertThat(copy.whole()).isEqualTo(bytes(3));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[7];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7);
        }
        return b;
    }
}
