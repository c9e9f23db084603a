package org.opencps.identity.internal.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisposableEmailDomainsTest {

    private static final DisposableEmailDomains SHIPPED = new DisposableEmailDomains("");

    @ParameterizedTest
    @ValueSource(strings = {"mailinator.com", "someone@mailinator.com", "guerrillamail.com", "a@yopmail.com",
            "x@10minutemail.com"})
    void knownDisposableDomainsAreRefused(String address) {
        assertThat(SHIPPED.isDisposable(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x.mailinator.com", "user@x.mailinator.com", "user@a.b.c.mailinator.com"})
    void subdomainsOfListedDomainsAreRefused(String address) {
        assertThat(SHIPPED.isDisposable(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MAILINATOR.COM", "User@MailInator.Com", "user@X.Mailinator.COM", "user@mailinator.com."})
    void caseAndTrailingDotDoNotMatter(String address) {
        assertThat(SHIPPED.isDisposable(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "user@example.com", "someone@gmail.com", "a@outlook.com",
            "jane.doe@acme-printing.de", "it@mail.siemens.com", "user@mailinator.com.example.org",
            "user@mailinator.com-mail.example", "com", "", " ", "not an address", "user@", "@@", "user@bad..domain"})
    void normalAndUnparseableAddressesAreAccepted(String address) {
        assertThat(SHIPPED.isDisposable(address)).isFalse();
    }

    @Test
    void nullIsNotDisposable() {
        assertThat(SHIPPED.isDisposable(null)).isFalse();
    }

    @Test
    void shippedListIsLoadedWithItsSourceInTheHeader() throws IOException {
        assertThat(SHIPPED.size()).isGreaterThan(5_000);
        try (InputStream in = DisposableEmailDomains.class.getResourceAsStream(DisposableEmailDomains.RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains("Source: npm package disposable-email-domains-js", "CC0-1.0",
                    "scripts/refresh-disposable-domains.sh");
        }
    }

    @Test
    void operatorFileAddsDomains(@TempDir Path dir) throws IOException {
        Path extra = dir.resolve("extra.txt");
        Files.writeString(extra, """
                # our own additions
                throwaway.example   # a comment after the entry
                *.Wildcard.Example.

                bücher.example
                """);
        var domains = new DisposableEmailDomains(extra.toString());

        assertThat(domains.isDisposable("a@throwaway.example")).isTrue();
        assertThat(domains.isDisposable("a@sub.throwaway.example")).isTrue();
        assertThat(domains.isDisposable("a@wildcard.example")).isTrue();
        assertThat(domains.isDisposable("a@x.wildcard.example")).isTrue();
        assertThat(domains.isDisposable("a@BÜCHER.example")).isTrue();
        assertThat(domains.isDisposable("a@xn--bcher-kva.example")).isTrue();
        assertThat(domains.isDisposable("a@mailinator.com")).as("shipped list still applies").isTrue();
        assertThat(domains.isDisposable("a@example.com")).isFalse();
    }

    @Test
    void badOperatorFileStopsStartup(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> new DisposableEmailDomains(dir.resolve("missing.txt").toString()))
                .isInstanceOf(UncheckedIOException.class);

        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "fine.example\nuser@not a domain\n");
        assertThatThrownBy(() -> new DisposableEmailDomains(bad.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 2");
    }
}
