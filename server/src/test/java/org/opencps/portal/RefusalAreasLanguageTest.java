package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.ActivationCodes;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ratelimit.LimitedAction;
import org.opencps.platform.ratelimit.RateLimiter;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.portal.internal.web.ProblemTexts;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.SampleDocuments;
import org.opencps.reporting.ReportParameters;
import org.opencps.scanning.cloud.CloudAccounts;
import org.opencps.tenancy.License;
import org.opencps.tenancy.NewOrganization;
import org.opencps.tenancy.Organizations;
import org.opencps.tenancy.RegionLinks;
import org.opencps.platform.ids.OrgKind;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * One refusal of each area converted to message keys in this round reads in German and Japanese
 * (issue 20): the modules' refusals through {@link ProblemTexts} as a page shows them, and the
 * portal's own checks, a 403 page and a wrong current password through the portal itself.
 */
@OpenCpsTest
class RefusalAreasLanguageTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired WebApplicationContext context;
    @Autowired Organizations organizations;
    @Autowired CloudAccounts cloudAccounts;
    @Autowired PrintJobs jobs;
    @Autowired ActivationCodes activationCodes;
    @Autowired RateLimiter rateLimiter;

    @Test
    void theModulesRefusalsReadInGermanAndJapanese() {
        OrgId org = world.customer(world.root(), "Bereiche KK " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        Actor root = world.rootAdmin().actor();

        RuntimeException license = refused(() -> organizations.create(root, world.root(),
                new NewOrganization(OrgKind.CUSTOMER, "Ohne Lizenz " + UUID.randomUUID(), null)));
        assertThat(read(license, "de")).isEqualTo("Eine Kundenorganisation braucht eine Lizenz.");
        assertThat(read(license, "ja")).isEqualTo("顧客組織にはライセンスが必要です。");

        RuntimeException term = refused(() -> organizations.create(root, world.root(), new NewOrganization(OrgKind.CUSTOMER,
                "Kurze Laufzeit", new License(5, "Basis", java.time.LocalDate.of(2027, 1, 1), java.time.LocalDate.of(2026, 1, 1)))));
        assertThat(read(term, "de")).isEqualTo("Die Laufzeit kann nicht vor ihrem Beginn enden.");

        RuntimeException link = refused(() -> organizations.setRegionLinks(root, world.root(),
                new RegionLinks("eu", "ftp://example.com/eula", null, null)));
        assertThat(read(link, "ja")).isEqualTo("リンクは http:// または https:// で始まる完全なアドレスにしてください。");

        RuntimeException drive = refused(() -> cloudAccounts.chooseSharePointDrive(admin, "kein Laufwerk"));
        assertThat(read(drive, "de")).isEqualTo("Eine SharePoint-Laufwerks-ID hat 1 bis 200 Buchstaben, Ziffern und ! _ -.");

        RuntimeException copies = refused(() -> jobs.submit(admin, new JobTicket("Null Kopien", DocumentFormat.PDF, 0, null, null, null, null),
                new ByteArrayInputStream(SampleDocuments.pdf(1))));
        assertThat(read(copies, "ja")).isEqualTo("部数は 1～999 です。");

        RuntimeException validity = refused(() -> activationCodes.create(admin, org, 10_000, null));
        assertThat(read(validity, "de")).isEqualTo("Ein Aktivierungscode gilt 1 bis 720 Stunden.");

        RuntimeException day = refused(() -> ReportParameters.day("from", "7.12.2026"));
        assertThat(read(day, "ja")).isEqualTo("日付は YYYY-MM-DD の形式で入力してください。");
    }

    @Test
    void aRateLimitSaysHowLongToWaitInTheReadersLanguageWhileTheApiKeepsItsRetryAfter() {
        var logins = new LimitedAction("problem.tooMany.logins", "login attempts from your address");
        String key = "refusal-language:" + UUID.randomUUID();
        rateLimiter.acquire(key, 1, Duration.ofHours(1), logins);

        var tooMany = catchThrowableOfType(TooManyRequestsException.class,
                () -> rateLimiter.acquire(key, 1, Duration.ofHours(1), logins));

        assertThat(tooMany.getMessage()).isEqualTo("too many login attempts from your address; try again later");
        assertThat(tooMany.retryAfterSeconds()).isEqualTo("3600");
        assertThat(read(tooMany, "de")).isEqualTo("Zu viele Anmeldeversuche von Ihrer Adresse. Bitte versuchen Sie es in 60 Minuten erneut.");
        assertThat(read(tooMany, "ja")).isEqualTo("このアドレスからのログインの試行が多すぎます。60 分後にもう一度お試しください。");
    }

    @Test
    void thePortalsOwnChecksAForbiddenPageAndAWrongPasswordReadInTheReadersLanguage() throws Exception {
        OrgId org = world.customer(world.root(), "Portal KK " + UUID.randomUUID());
        Actor person = world.person(org, FixedRole.CUSTOMER_USER).actor();
        var job = jobs.submit(person, new JobTicket("Ohne Drucker", DocumentFormat.PDF, 1, null, null, null, null),
                new ByteArrayInputStream(SampleDocuments.pdf(1)));

        MvcResult noPrinter = send(person, "/jobs/" + job.id() + "/release", "ja", "");
        assertThat(noPrinter.getResponse().getStatus()).isEqualTo(302);
        assertThat(noPrinter.getFlashMap().get("error")).isEqualTo("プリンターを選んでください。");

        MvcResult wrongPassword = send(person, "/account/password", "de-DE",
                "currentPassword=Falsch-Passwort-1&newPassword=Neu-Passwort-2024!&confirmPassword=Neu-Passwort-2024!");
        assertThat(wrongPassword.getFlashMap().get("error")).isEqualTo("Das aktuelle Passwort ist falsch.");

        OrgId provider = world.provider(world.root(), "Anbieter " + UUID.randomUUID());
        Actor providerAdmin = world.adminOf(provider).actor();
        MvcResult forbidden = send(providerAdmin, "/orgs/" + provider + "/roles", "de", "name=Ger%C3%A4teaufsicht&permissions=DEVICES_VIEW");
        assertThat(forbidden.getResponse().getStatus()).isEqualTo(403);
        assertThat(forbidden.getResponse().getContentAsString()).contains("Eigene Rollen gibt es nur in Kundenorganisationen.");
    }

    @Test
    void theLoginPageSaysAWrongPasswordInTheReadersLanguage() throws Exception {
        var person = world.person(world.customer(world.root(), "Anmeldung KK " + UUID.randomUUID()), FixedRole.CUSTOMER_USER);
        String form = "email=" + java.net.URLEncoder.encode(person.email(), java.nio.charset.StandardCharsets.UTF_8)
                + "&password=Falsch-Passwort-1";
        for (var reader : java.util.Map.of("de", "E-Mail-Adresse oder Passwort ist falsch.",
                "ja", "メールアドレスまたはパスワードが正しくありません。").entrySet()) {
            MvcResult refused = mvc.perform(post("/login").with(csrf()).header("Accept-Language", reader.getKey())
                    .contentType("application/x-www-form-urlencoded").content(form)).andReturn();
            assertThat(refused.getResponse().getStatus()).isEqualTo(401);
            assertThat(refused.getResponse().getContentAsString()).contains(reader.getValue());
        }
    }

    private MvcResult send(Actor actor, String url, String language, String body) throws Exception {
        return mvc.perform(post(url).with(csrf()).with(authentication(new ActorAuthentication(actor)))
                .header("Accept-Language", language).contentType("application/x-www-form-urlencoded").content(body)).andReturn();
    }

    private static RuntimeException refused(ThrowingCallable call) {
        return catchThrowableOfType(RuntimeException.class, call);
    }

    /** The refusal as a page answering a reader of {@code language} shows it. */
    private String read(RuntimeException refusal, String language) {
        assertThat(refusal).as("refused").isNotNull();
        var request = new MockHttpServletRequest();
        request.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
        request.addPreferredLocale(Locale.forLanguageTag(language));
        return ProblemTexts.of(refusal, request);
    }
}
