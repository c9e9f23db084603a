package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.access.Permission;
import org.opencps.devices.ActivationCode;
import org.opencps.devices.DeviceStatus;
import org.opencps.devices.SecuritySettings;
import org.opencps.platform.ids.OrgKind;
import org.opencps.platform.text.SpokenLanguages;
import org.opencps.printing.DocumentLimitExceededException;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.reporting.UsageReportRequest;
import org.opencps.tenancy.DeviceLoginMethod;
import org.opencps.tenancy.Organization;

/**
 * Every text a page shows comes from messages.properties: each key a template names exists there,
 * each value of an enum a template turns into a key has its text, and the German and Japanese
 * bundles have exactly the English keys, each with the same arguments.
 */
class PortalMessagesTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final List<String> TRANSLATIONS = List.of("messages_de.properties", "messages_ja.properties");
    private static final Pattern PREFIX_KEY = Pattern.compile("#\\{'([a-zA-Z.]+\\.)' \\+");

    /** The keys templates build from a prefix and an enum (or a fixed set of names). */
    static final Map<String, List<String>> DYNAMIC = Map.ofEntries(
            Map.entry("cloud.service.", java.util.Arrays.stream(org.opencps.scanning.cloud.CloudService.values()) // scan-cloud
                    .map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).toList()),
            Map.entry("codeState.", names(ActivationCode.State.values())),
            Map.entry("sso.domains.check.", names(org.opencps.identity.EmailDomain.Check.values())), // google-import
            Map.entry("google.state.", List.of("QUEUED", "RUNNING", "DONE", "FAILED")), // google-import
            Map.entry("google.reason.", List.of("SUSPENDED", "REMOVED", "NOT_CHOSEN")), // google-import
            Map.entry("colorMode.", names(JobTicket.ColorMode.values())),
            Map.entry("deviceStatus.", names(DeviceStatus.Status.values())),
            Map.entry("jobSource.", names(JobTicket.Source.values())),
            Map.entry("jobState.", names(PrintJob.State.values())),
            Map.entry("kind.", names(OrgKind.values())),
            Map.entry("orgStatus.", names(Organization.Status.values())),
            Map.entry("permission.", names(Permission.values())),
            Map.entry("permissionGroup.", names(Permission.Group.values())),
            Map.entry("role.", names(FixedRole.values())),
            Map.entry("security.", List.copyOf(SecuritySettings.NOTHING.byName().keySet())),
            Map.entry("sides.", names(JobTicket.Sides.values())),
            Map.entry("login.ended.", List.of("idle", "age", "network", "enrol")),
            Map.entry("secondFactorPolicy.requiredFor.", names(org.opencps.identity.SecondFactorPolicy.RequiredFor.values())), // mfa-policy
            Map.entry("settings.deviceLogin.", names(DeviceLoginMethod.values())),
            Map.entry("login.done.", List.of("logout", "reset", "verified", "setup")),
            Map.entry("language.", SpokenLanguages.ALL.stream().map(Locale::getLanguage).toList()),
            // saml: the OIDC presets on the single sign-on page
            Map.entry("sso.preset.", names(org.opencps.identity.OidcPreset.values())),
            // audit-chain: a record's outcome
            Map.entry("audit.outcome.", List.of("SUCCESS", "FAILURE")),
            // reports-schedules
            Map.entry("reportKind.", List.of("PROVIDER_CONTRACT", "CUSTOMER_CONTRACT", "CONTRACT_HISTORY", "USAGE_ORGANIZATION",
                    "USAGE_PERSON", "USAGE_GROUP", "USAGE_DEVICE", "USAGE_DEVICE_GROUP")),
            Map.entry("cadence.", names(org.opencps.reporting.schedule.Cadence.values())),
            Map.entry("recipientStatus.", names(org.opencps.reporting.recipients.ReportRecipient.Status.values())),
            // reports-usage: the PDF's titles and columns per dimension
            Map.entry("report.title.", names(UsageReportRequest.Dimension.values())),
            Map.entry("report.bySubject.", names(UsageReportRequest.Dimension.values())),
            Map.entry("report.subject.", names(UsageReportRequest.Dimension.values())),
            // reports-portal: the report page's periods and its totals' figures
            Map.entry("report.per.", names(UsageReportRequest.Per.values())),
            // reports-finish: the environmental factors' fields
            Map.entry("report.factor.", List.copyOf(org.opencps.reporting.EnvironmentFactors.DEFAULTS.asText().keySet())),
            Map.entry("report.figure.", List.of("jobs", "reportedPages", "colorPages",
                    "monochromePages", "simplexPages", "duplexPages", "sheets", "scannedPages", "countedPages", "pageDifference",
                    "refusedOverQuota", "refusedByPolicy")),
            // sso-oidc: SsoOutcome.Reason in lower case, and the login page's own two
            Map.entry("login.sso.", List.of("email_not_verified", "domain_not_allowed", "account_not_linked",
                    "invalid_assertion", "unavailable", "failed", "none")),
            // sso-browser: the SSO page's attribute (SAML) and claim (OIDC) fields, from one fragment
            Map.entry("sso.", List.of("emailAttribute", "nameAttribute", "groupsAttribute", "emailClaim", "nameClaim",
                    "groupsClaim")),
            // scan-portal: destination kinds, delivery states, workflow colour modes
            Map.entry("scans.kind.", names(org.opencps.scanning.DestinationKind.values())),
            Map.entry("scans.state.", names(org.opencps.scanning.ScanState.values())),
            Map.entry("scanWorkflows.color.", names(org.opencps.scanning.ScanOptions.ColorMode.values())));

    @Test
    void everyKeyATemplateUsesHasItsEnglishText() throws IOException {
        Properties english = bundle("messages.properties");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            String text = Files.readString(template);
            LITERAL_KEY.matcher(text).results().map(m -> m.group(1))
                    .filter(key -> !english.containsKey(key))
                    .forEach(key -> missing.add(template.getFileName() + ": " + key));
            PREFIX_KEY.matcher(text).results().map(m -> m.group(1)).forEach(prefix -> {
                List<String> values = DYNAMIC.get(prefix);
                if (values == null) {
                    missing.add(template.getFileName() + ": no list of the keys '" + prefix + "...' in DYNAMIC");
                    return;
                }
                values.stream().filter(value -> !english.containsKey(prefix + value))
                        .forEach(value -> missing.add(template.getFileName() + ": " + prefix + value));
            });
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyLanguageHasExactlyTheEnglishKeys() throws IOException {
        Properties english = bundle("messages.properties");
        for (String language : TRANSLATIONS) {
            Properties translated = bundle(language);
            assertThat(translated.stringPropertyNames()).as(language)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        }
    }

    @Test
    void translationsKeepTheArgumentsOfTheEnglishText() throws IOException {
        Properties english = bundle("messages.properties");
        List<String> differing = new ArrayList<>();
        for (String language : TRANSLATIONS) {
            Properties translated = bundle(language);
            for (String key : english.stringPropertyNames()) {
                String text = translated.getProperty(key);
                if (text != null && !arguments(text).equals(arguments(english.getProperty(key)))) {
                    differing.add(language + ": " + key);
                }
            }
        }
        assertThat(differing).isEmpty();
    }

    @Test
    void everyDocumentLimitHasItsRefusalInEveryLanguage() throws IOException {
        for (String language : List.of("messages.properties", "messages_de.properties", "messages_ja.properties")) {
            Properties messages = bundle(language);
            for (DocumentLimitExceededException.Limit limit : DocumentLimitExceededException.Limit.values()) {
                String key = new DocumentLimitExceededException(limit, 1, "").messageKey();
                assertThat(messages.getProperty(key)).as(language + ": " + key).isNotBlank().contains("{0}");
            }
        }
    }

    private static Set<String> arguments(String text) {
        return ARGUMENT.matcher(text).results().map(m -> m.group(1)).collect(Collectors.toSet());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".html")).toList();
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PortalMessagesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
