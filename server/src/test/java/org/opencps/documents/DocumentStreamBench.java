package org.opencps.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import org.opencps.OpenCpsApplication;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.ChildServer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * bench/document-stream.sh: stores and reads back a generated document through the real
 * {@link Documents} (filesystem store, in the server's own context) and the same data through
 * {@code openssl enc -aes-256-ctr} to the same disk, then prints throughput both ways, the peak heap,
 * and as its last line the ratio of our write throughput to openssl's.
 */
public final class DocumentStreamBench {

    private static final int BLOCK = 1024 * 1024;

    private DocumentStreamBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        long size = Long.parseLong(args.length > 1 ? args[1] : "1024") * 1024 * 1024;
        Files.createDirectories(dir);
        var app = new SpringApplication(OpenCpsApplication.class);
        app.addInitializers(context -> context.getBeanFactory().registerSingleton("mainClassesOnly", new ChildServer.MainClassesOnly()));
        String[] results;
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--server.address=127.0.0.1",
                "--opencps.data-dir=" + dir.resolve("data"), "--spring.datasource.url=jdbc:h2:mem:bench",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
            Documents documents = context.getBean(Documents.class);
            OrgId org = OrgId.random();
            // creates the keyset and lets the JIT compile the hot paths before measuring
            StoredDocument warmUp = documents.store(org, new Generated(Math.min(size, 512L * 1024 * 1024)));
            drain(documents.open(org, warmUp.id()));
            documents.delete(org, warmUp.id());
            System.gc();
            resetPeaks();

            long start = System.nanoTime();
            StoredDocument stored = documents.store(org, new Generated(size));
            double writeSeconds = seconds(start);
            start = System.nanoTime();
            long read = drain(documents.open(org, stored.id()));
            double readSeconds = seconds(start);
            long peakHeap = peakHeap();
            if (read != size || stored.size() != size) {
                throw new IllegalStateException("read back " + read + " of " + size + " bytes");
            }
            documents.delete(org, stored.id());

            double[] openssl = openssl(dir, size);
            double ours = mbPerSecond(size, writeSeconds);
            results = new String[] {
                    format("size: %d MiB", size / (1024 * 1024)),
                    format("opencps write (encrypt, fsync): %.1f MB/s", ours),
                    format("opencps read (decrypt): %.1f MB/s", mbPerSecond(size, readSeconds)),
                    format("openssl aes-256-ctr write (encrypt, fsync): %.1f MB/s", mbPerSecond(size, openssl[0])),
                    format("openssl aes-256-ctr read (decrypt): %.1f MB/s", mbPerSecond(size, openssl[1])),
                    format("peak heap during the run: %.1f MiB (max heap %d MiB)", peakHeap / 1048576.0,
                            Runtime.getRuntime().maxMemory() / (1024 * 1024)),
                    format("ratio: %.2f", ours / mbPerSecond(size, openssl[0]))};
        }
        for (String line : results) {
            System.out.println(line);
        }
    }

    /** Seconds to encrypt to a file and fsync it, and to decrypt it again, with openssl. */
    private static double[] openssl(Path dir, long size) throws IOException, InterruptedException {
        byte[] key = new byte[32];
        byte[] iv = new byte[16];
        new Random(7).nextBytes(key);
        new Random(8).nextBytes(iv);
        String k = HexFormat.of().formatHex(key);
        String i = HexFormat.of().formatHex(iv);
        Path out = dir.resolve("openssl.bin");
        long start = System.nanoTime();
        Process encrypt = new ProcessBuilder("openssl", "enc", "-aes-256-ctr", "-K", k, "-iv", i, "-out", out.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream stdin = encrypt.getOutputStream(); InputStream data = new Generated(size)) {
            data.transferTo(stdin);
        }
        requireSuccess(encrypt);
        try (FileChannel channel = FileChannel.open(out, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        double write = seconds(start);
        start = System.nanoTime();
        Process decrypt = new ProcessBuilder("openssl", "enc", "-d", "-aes-256-ctr", "-K", k, "-iv", i, "-in", out.toString(),
                "-out", "/dev/null").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        requireSuccess(decrypt);
        double read = seconds(start);
        Files.delete(out);
        return new double[] {write, read};
    }

    private static void requireSuccess(Process process) throws InterruptedException {
        if (process.waitFor() != 0) {
            throw new IllegalStateException("openssl failed");
        }
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
            }
        }
        return total;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of each heap pool's peak: an upper bound of the heap in use at any moment. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double mbPerSecond(long bytes, double seconds) {
        return bytes / 1e6 / seconds;
    }

    private static String format(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Pseudo-random bytes (a 1 MiB random block, repeated), generated as they are read. */
    static final class Generated extends InputStream {

        private static final byte[] PATTERN = new byte[BLOCK];

        static {
            new Random(42).nextBytes(PATTERN);
        }

        private final long size;
        private long position;

        Generated(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? PATTERN[(int) (position++ % BLOCK)] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int offset = (int) (position % BLOCK);
            int n = (int) Math.min(Math.min(len, BLOCK - offset), size - position);
            System.arraycopy(PATTERN, offset, b, off, n);
            position += n;
            return n;
        }
    }
}
