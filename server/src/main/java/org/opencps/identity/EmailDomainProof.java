package org.opencps.identity;

import java.util.List;

/**
 * What a customer admin publishes to prove the organization's e-mail domains: a TXT record with {@code recordValue} at
 * {@code _opencps.<domain>} (or at the domain itself), and the domains claimed so far.
 */
public record EmailDomainProof(String recordValue, String recordLabel, List<EmailDomain> domains) {
}
