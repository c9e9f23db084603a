package org.opencps.identity.internal.signup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Disposable e-mail domains, refused at sign-up (PRODUCT.md §3). The shipped list is
 * {@value #RESOURCE} (see its header for source, version and how to refresh it); an operator can
 * add domains in a file of the same format named by {@code opencps.signup.extra-disposable-domains-file}.
 * A listed domain also covers its subdomains.
 */
@Component
public final class DisposableEmailDomains {

    static final String RESOURCE = "/identity/disposable-email-domains.txt";

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*");

    private final Set<String> domains;

    public DisposableEmailDomains(@Value("${opencps.signup.extra-disposable-domains-file:}") String extraFile) {
        Set<String> all = new HashSet<>();
        try (InputStream shipped = DisposableEmailDomains.class.getResourceAsStream(RESOURCE)) {
            if (shipped == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            read(shipped, RESOURCE, all);
            if (extraFile != null && !extraFile.isBlank()) {
                try (InputStream extra = Files.newInputStream(Path.of(extraFile.strip()))) {
                    read(extra, extraFile, all);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the disposable e-mail domains: " + e.getMessage(), e);
        }
        this.domains = Set.copyOf(all);
    }

    /**
     * Whether the domain of an e-mail address (the part after the last {@code @}), or a bare domain,
     * is a listed disposable domain or a subdomain of one. Case and a trailing dot do not matter.
     */
    public boolean isDisposable(String emailOrDomain) {
        if (emailOrDomain == null) {
            return false;
        }
        String domain = normalize(emailOrDomain.substring(emailOrDomain.lastIndexOf('@') + 1));
        if (domain == null) {
            return false;
        }
        for (String suffix = domain; ; suffix = suffix.substring(suffix.indexOf('.') + 1)) {
            if (domains.contains(suffix)) {
                return true;
            }
            if (suffix.indexOf('.') < 0) {
                return false;
            }
        }
    }

    int size() {
        return domains.size();
    }

    private static void read(InputStream in, String source, Set<String> into) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            int hash = line.indexOf('#');
            String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (entry.isEmpty()) {
                continue;
            }
            // Operators may write a wildcard; subdomains are covered anyway.
            String domain = normalize(entry.startsWith("*.") ? entry.substring(2) : entry);
            if (domain == null) {
                throw new IllegalStateException(source + " line " + number + ": not a domain: " + entry);
            }
            into.add(domain);
        }
    }

    /** Lower-case ASCII (punycode) form without a trailing dot, or null when it is not a domain. */
    private static String normalize(String domain) {
        String d = domain.strip();
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        try {
            d = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return DOMAIN.matcher(d).matches() ? d : null;
    }
}
