package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencps.access.FixedRole;
import org.opencps.identity.Passkeys;
import org.opencps.testing.Outbox;
import org.opencps.testing.TestClockConfiguration;
import org.opencps.testing.TestEnvironment;
import org.opencps.testing.World;
import org.opencps.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Passkeys in headless Chromium with its virtual authenticator (WebDriver's virtual authenticator API: a platform
 * authenticator that keeps discoverable credentials and verifies the person): a person registers one on the
 * second-factor page, then the password login asks for it as the second step, then they sign in with the passkey
 * alone and reach the tenant selector, and finally remove it. The server's public URL is left unset, so it is
 * http://localhost:PORT: a relying party id must be a host name, not 127.0.0.1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@ContextConfiguration(initializers = TestEnvironment.class)
@Import({TestClockConfiguration.class, Outbox.class, World.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasskeysInTheBrowserTest {

    @LocalServerPort int port;
    @Autowired World world;
    @Autowired Passkeys passkeys;

    Browser browser;
    VirtualAuthenticator authenticator;

    @BeforeAll
    void openBrowser() {
        browser = Browser.start("http://localhost:" + port);
        authenticator = ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true));
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void registerThenSecondStepThenPasswordlessThenRemove() {
        var org = world.customer(world.root(), "Passkeys " + UUID.randomUUID());
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        world.join(person, world.customer(world.root(), "Passkeys too " + UUID.randomUUID()), FixedRole.CUSTOMER_USER);

        passwordLogin(person.email());
        browser.waitForPath("/organizations/select");
        browser.open("/account/second-factor").type("passkey-name", "Work laptop").click(By.id("passkey-add"));
        browser.waitUntil(d -> !browser.driver().findElements(By.id("passkeys")).isEmpty());
        assertThat(browser.textOf(By.id("passkeys"))).contains("Work laptop");
        assertThat(authenticator.getCredentials()).hasSize(1);
        assertThat(authenticator.getCredentials().getFirst().isResidentCredential()).isTrue();
        assertThat(passkeys.of(person.userId())).extracting(Passkeys.Passkey::name).containsExactly("Work laptop");

        // the password is no longer enough: the second step offers the passkey (no code field: no app is set up)
        endSession();
        passwordLogin(person.email());
        browser.waitForPath("/login/second-factor");
        assertThat(browser.driver().findElements(By.id("code"))).isEmpty();
        browser.click(By.id("passkey-use"));
        browser.waitForPath("/organizations/select");
        assertThat(passkeys.of(person.userId()).getFirst().lastUsedAt()).isNotNull();

        // no password at all: the discoverable passkey names the person, then the tenant selector as after a password
        endSession();
        browser.open("/login").click(By.id("passkey-sign-in"));
        browser.waitForPath("/organizations/select");
        assertThat(browser.mainText()).contains("Passkeys ");

        // removing needs a recent second factor, which the passkey sign-in just proved
        browser.open("/account/second-factor");
        browser.click(By.cssSelector("#passkeys button[type=submit]"));
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30)).until(ExpectedConditions.alertIsPresent()).accept();
        browser.waitUntil(d -> !browser.driver().findElements(By.id("passkeys-none")).isEmpty());
        assertThat(passkeys.of(person.userId())).isEmpty();

        // the authenticator still holds it, but the server no longer knows it
        endSession();
        browser.open("/login").click(By.id("passkey-sign-in"));
        browser.waitUntil(d -> browser.driver().findElement(By.id("passkey-error")).isDisplayed());
        assertThat(browser.textOf(By.id("passkey-error"))).contains("This passkey was not accepted");
        assertThat(browser.path()).startsWith("/login");
    }

    private void passwordLogin(String email) {
        browser.open("/login").type("email", email).type("password", World.PASSWORD).press("Log in");
    }

    private void endSession() {
        browser.open("/login");
        browser.driver().manage().deleteCookieNamed("OPENCPS_SESSION");
    }
}
