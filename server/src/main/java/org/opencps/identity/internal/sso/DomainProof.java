package org.opencps.identity.internal.sso;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Whether DNS proves that an organization owns an e-mail domain: a TXT record {@code opencps-verification=<token>}
 * with the organization's token, at {@code _opencps.<domain>} or at the domain itself.
 */
@Component
public class DomainProof {

    public static final String LABEL = "_opencps.";
    public static final String PREFIX = "opencps-verification=";

    public enum Result { VERIFIED, RECORD_MISSING, DNS_FAILED }

    private final TxtRecords dns;

    DomainProof(TxtRecords dns) {
        this.dns = dns;
    }

    public static String recordValue(String token) {
        return PREFIX + token;
    }

    public Result check(String domain, String token) {
        boolean failed = false;
        for (String name : List.of(LABEL + domain, domain)) {
            try {
                if (dns.lookup(name).stream().anyMatch(record -> record.strip().equals(recordValue(token)))) {
                    return Result.VERIFIED;
                }
            } catch (TxtRecords.LookupFailed e) {
                failed = true;
            }
        }
        return failed ? Result.DNS_FAILED : Result.RECORD_MISSING;
    }
}
