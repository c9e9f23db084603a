package org.opencps.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
import org.opencps.identity.internal.persistence.SamlProviderStore;
import org.opencps.identity.internal.persistence.SamlProviderStore.SamlRow;
import org.opencps.identity.internal.persistence.SsoStore;
import org.opencps.identity.internal.saml.IdpMetadata;
import org.opencps.identity.internal.saml.SamlSettings;
import org.opencps.identity.internal.saml.SpKeys;
import org.opencps.identity.internal.sso.OidcSettingsRules;
import org.opencps.identity.internal.sso.SsoChangeTexts;
import org.opencps.identity.internal.sso.SsoDomains;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer organization's SAML 2.0 identity provider: only the organization's customer admins see or change it
 * ({@link AccessPolicy#requireManageSignIn}). The IdP's metadata is checked when saved (or fetched first from its
 * URL); OpenCPS makes its own key pair for the provider once, and keeps it while the provider is changed.
 */
@Service
public class SamlProviders {

    private final AccessPolicy policy;
    private final SamlProviderStore providers;
    private final SsoStore sso;
    private final SsoDomains ssoDomains;
    private final IdpMetadata metadata;
    private final SamlSettings settings;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RecentSecondFactor stepUp;

    SamlProviders(AccessPolicy policy, SamlProviderStore providers, SsoStore sso, SsoDomains ssoDomains, IdpMetadata metadata,
                  SamlSettings settings, TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock,
                  RecentSecondFactor stepUp) {
        this.stepUp = stepUp;
        this.policy = policy;
        this.providers = providers;
        this.sso = sso;
        this.ssoDomains = ssoDomains;
        this.metadata = metadata;
        this.settings = settings;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    public Optional<SamlProvider> samlProvider(Actor actor, OrgId org) {
        policy.requireManageSignIn(actor, org);
        return providers.find(org).map(row -> view(row, sso.domains(org)));
    }

    public SamlProvider saveSamlProvider(Actor actor, OrgId org, SamlProviderSettings wanted) {
        policy.requireManageSignIn(actor, org);
        stepUp.require(actor.userId());
        boolean hasXml = wanted.idpMetadataXml() != null && !wanted.idpMetadataXml().isBlank();
        boolean hasUrl = wanted.idpMetadataUrl() != null && !wanted.idpMetadataUrl().isBlank();
        if (hasXml == hasUrl) {
            throw new InvalidInputException("idpMetadataXml", "problem.sso.metadataXmlOrUrl", "give the identity provider's metadata either as XML or as a URL, not both");
        }
        List<String> domains = OidcSettingsRules.domains(wanted.emailDomains());
        String email = attribute("emailAttribute", wanted.emailAttribute());
        String name = attribute("nameAttribute", wanted.nameAttribute());
        String groups = attribute("groupsAttribute", wanted.groupsAttribute());
        ssoDomains.requireNoOtherProtocol(org, "saml");
        ssoDomains.requireFree(org, domains);
        var parsed = hasUrl ? metadata.fetch(wanted.idpMetadataUrl()) : metadata.parse("idpMetadataXml", wanted.idpMetadataXml());
        Instant now = clock.instant();
        var existing = providers.find(org);
        UUID id = existing.map(SamlRow::id).orElseGet(UUID::randomUUID);
        String certificate;
        String sealedKey;
        if (existing.isPresent()) {
            certificate = existing.get().spCertificate();
            sealedKey = existing.get().spKeySealed();
        } else {
            var keys = SpKeys.generate(settings.entityId(id), now);
            certificate = keys.certificatePem();
            sealedKey = settings.sealKey(new SamlRow(org, id, null, null, null, null, false, false, false, null, null, null,
                    null, null, null), keys.privateKeyBase64());
        }
        var row = new SamlRow(org, id, parsed.entityId(), parsed.xml(), hasUrl ? wanted.idpMetadataUrl().strip() : null, now,
                wanted.wantAssertionsSigned() == null || wanted.wantAssertionsSigned(),
                Boolean.TRUE.equals(wanted.wantResponseSigned()), Boolean.TRUE.equals(wanted.wantAssertionsEncrypted()),
                email, name, groups, certificate, sealedKey, now);
        transaction.executeWithoutResult(status -> {
            String before = existing.map(previous -> SsoChangeTexts.saml(previous, sso.domains(org))).orElse(null);
            providers.save(row);
            sso.replaceDomains(org, domains);
            events.publishEvent(new SingleSignOnChanged(org, actor.userId(), SsoChangeTexts.change("saml provider", before,
                    SsoChangeTexts.saml(row, domains)), now));
        });
        return view(row, domains);
    }

    public void removeSamlProvider(Actor actor, OrgId org) {
        policy.requireManageSignIn(actor, org);
        stepUp.require(actor.userId());
        transaction.executeWithoutResult(status -> {
            if (sso.policy(org).map(SsoStore.PolicyRow::ssoOnly).orElse(false)) {
                throw new ConflictException("ssoOnly", "problem.sso.allowPasswordsFirst",
                        "allow passwords again before removing the provider: otherwise nobody could sign in");
            }
            String before = providers.find(org).map(previous -> SsoChangeTexts.saml(previous, sso.domains(org))).orElse(null);
            if (!providers.delete(org)) {
                throw new NotFoundException("saml provider");
            }
            sso.replaceDomains(org, List.of());
            events.publishEvent(new SingleSignOnChanged(org, actor.userId(), SsoChangeTexts.change("saml provider", before, null),
                    clock.instant()));
        });
    }

    private static String attribute(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip();
        if (clean.length() > 255 || !clean.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidInputException(field, "problem.sso.attributeName", "an attribute name has 1 to 255 printable characters without spaces");
        }
        return clean;
    }

    private SamlProvider view(SamlRow row, List<String> domains) {
        var keys = settings.keys(row);
        return new SamlProvider(row.orgId(), row.id(), row.idpEntityId(), row.metadataUrl(), row.metadataFetchedAt(),
                row.wantAssertionsSigned(), row.wantResponseSigned(), row.wantAssertionsEncrypted(), row.emailAttribute(),
                row.nameAttribute(), row.groupsAttribute(), domains, settings.entityId(row.id()), settings.acsUrl(row.id()),
                settings.logoutUrl(row.id()), settings.entityId(row.id()), settings.signInUrl(row.id()), keys.certificate(),
                keys.newCertificate(), keys.oldKeyRetiresAt(), row.updatedAt());
    }
}
