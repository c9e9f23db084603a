package org.opencps.testing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencps.testing.Outbox;
import org.opencps.testing.World;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * What a person does in the portal, step by step, as the browser tests and the screenshot command
 * do it: every step clicks and types in the real pages.
 */
public final class PortalFlows {

    public static final String ROOT_EMAIL = "root@region.example";
    /** What the bootstrap administrator chooses at the first login, in place of the one from the environment. */
    public static final String ROOT_OWN_PASSWORD = "Own-Root-Pass-3";

    private final Browser browser;
    private final Outbox outbox;

    public PortalFlows(Browser browser, Outbox outbox) {
        this.browser = browser;
        this.outbox = outbox;
    }

    public Browser browser() {
        return browser;
    }

    /** Logs in on this browser, after ending any session it had (the cookie notice's answer stays). */
    public PortalFlows login(String email) {
        return login(email, World.PASSWORD);
    }

    public PortalFlows login(String email, String password) {
        endSession();
        browser.open("/login").type("email", email).type("password", password).press("Log in");
        browser.find(By.cssSelector(".who"));
        return this;
    }

    /** On the forced password change page: replaces the password someone else chose. */
    public PortalFlows chooseOwnPassword(String current, String chosen) {
        browser.waitForPath("/account/password-change").type("currentPassword", current).type("newPassword", chosen)
                .type("confirmPassword", chosen).press("Save my password");
        browser.waitUntil(driver -> !browser.path().startsWith("/account/password-change"));
        return this;
    }

    private void endSession() {
        browser.open("/login");
        browser.driver().manage().deleteCookieNamed("OPENCPS_SESSION");
    }

    /** Answers the cookie notice; pressing waits for the page the answer loads. */
    public PortalFlows acceptCookies() {
        browser.find(By.cssSelector(".consent"));
        browser.press("OK, understood");
        return this;
    }

    public PortalFlows logout() {
        browser.press("Log out").waitForText("You are logged out.");
        return this;
    }

    /** Creates an organization below the one the person works in; ends on its manage page. */
    public PortalFlows createOrganization(String kind, String name) {
        browser.follow("Organizations");
        browser.click(By.cssSelector("input[name='kind'][value='" + kind + "']")).type("org-name", name);
        browser.press("Create").waitForText("The organization was created.");
        return this;
    }

    /** On an organization's manage page: invites its first administrator. */
    public PortalFlows inviteAdministrator(String email) {
        browser.type("admin-email", email).press("Send the invitation").waitForText("The invitation is on its way.");
        return this;
    }

    /** Opens the newest invitation to the address from the mail outbox and accepts it as a new person. */
    public PortalFlows acceptInvitation(String email, String name) {
        String token;
        try {
            token = outbox.lastToken(email, "inv_");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        endSession();
        browser.open("/invitations/" + token).type("displayName", name).type("password", World.PASSWORD)
                .type("confirmPassword", World.PASSWORD).press("Accept the invitation");
        browser.find(By.cssSelector(".who"));
        return this;
    }

    /** On the users page: invites someone with one role (its label as the page shows it). */
    public PortalFlows inviteUser(String email, String roleLabel) {
        browser.follow("Users").type("invite-email", email);
        for (var box : browser.driver().findElements(By.cssSelector("input[name='roles']"))) {
            if (box.isSelected()) {
                box.click();
            }
        }
        browser.click(By.xpath("//label[normalize-space()='" + roleLabel + "']/input"));
        browser.press("Send the invitation").waitForText("The invitation is on its way.");
        return this;
    }

    /** On my jobs: uploads a PDF, and waits until the list shows it held. */
    public PortalFlows uploadPdf(Path folder, String fileName, byte[] pdf) {
        return uploadPdf(folder, fileName, pdf, "Automatic");
    }

    /** The same, with the colour choice as the form offers it ("Black and white", say). */
    public PortalFlows uploadPdf(Path folder, String fileName, byte[] pdf, String colour) {
        try {
            Path file = Files.createDirectories(folder).resolve(fileName);
            Files.write(file, pdf);
            browser.follow("My print jobs");
            new Select(browser.find(By.id("colorMode"))).selectByVisibleText(colour);
            browser.find(By.id("file")).sendKeys(file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.press("Upload and hold").waitForText("is held for you");
        return this;
    }
}
