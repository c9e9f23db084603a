package org.opencps.testing.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs) driven through Selenium, pointed at a server on loopback. It reaches
 * nothing else: every host name but 127.0.0.1 and localhost resolves to nothing. A missing
 * browser fails the test, naming the packages; it is never skipped.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** How long a step may wait for its condition; generous, since a busy machine slows the browser and the server. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Set on the page's window before a click that loads another page; the next page's window does not have it. */
    private static final String LEAVING = "opencpsLeaving";

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A browser for the server at {@code base} (http://127.0.0.1:PORT), with a desktop-sized window. */
    public static Browser start(String base) {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: install the Debian packages chromium and "
                        + "chromium-driver (.ci/run does)");
            }
        }
        var options = new ChromeOptions();
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--lang=en-US", "--window-size=1280,900",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), base.replaceAll("/+$", ""));
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public WebElement find(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The text of an element the page may replace meanwhile (an htmx refresh): found again until a read succeeds. */
    public String textOf(By by) {
        return waiting().ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    WebElement element = d.findElement(by);
                    return element.isDisplayed() ? element.getText() : null;
                });
    }

    /** An attribute of an element the page may replace meanwhile, read like {@link #textOf}. */
    public String attributeOf(By by, String name) {
        return waiting().ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(by).getAttribute(name));
    }

    public Browser type(String id, String text) {
        WebElement field = find(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /**
     * Clicks an element. When the click loads another page (a link, a form's submit button that htmx does not
     * send), it returns only once that page has loaded: the next step then finds its elements in the new page,
     * never in the old one while it is being replaced (which Chromium answers with "Node with given id does not
     * belong to the document").
     */
    public Browser click(By by) {
        WebElement target = waiting().until(ExpectedConditions.elementToBeClickable(by));
        if (!loadsAPage(target)) {
            target.click();
            return this;
        }
        script("window[arguments[0]] = true", LEAVING);
        target.click();
        waitForNewPage();
        return this;
    }

    /** Waits until the page that was shown when the click began has been replaced by a fully loaded one. */
    private void waitForNewPage() {
        waiting().ignoring(JavascriptException.class).until(d -> Boolean.TRUE.equals(
                script("return window[arguments[0]] === undefined && document.readyState === 'complete'", LEAVING)));
    }

    private boolean loadsAPage(WebElement element) {
        return Boolean.TRUE.equals(script("""
                var element = arguments[0];
                if (element.closest('[hx-get],[hx-post],[hx-put],[hx-patch],[hx-delete]')) {
                  return false;
                }
                var link = element.closest('a[href]');
                if (link) {
                  return !link.target && link.getAttribute('href').charAt(0) !== '#';
                }
                var button = element.closest('button,input[type=submit]');
                var form = button && button.type === 'submit' ? button.form : null;
                return !!form && form.method !== 'dialog' && !form.hasAttribute('data-confirm')
                    && !form.hasAttribute('hx-post') && !form.hasAttribute('hx-get') && form.checkValidity();
                """, element));
    }

    /** Clicks the button with exactly this text. */
    public Browser press(String buttonText) {
        return click(By.xpath("//button[normalize-space()='" + buttonText + "']"));
    }

    public Browser follow(String linkText) {
        return click(By.linkText(linkText));
    }

    /** Waits until the page shows this text somewhere in its main part. */
    public Browser waitForText(String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), text));
        return this;
    }

    public Browser waitForPath(String path) {
        waiting().withMessage(() -> "waiting for " + path + ", the browser shows " + path())
                .until(d -> path().equals(path) || path().startsWith(path + "?"));
        return this;
    }

    public Browser waitUntil(Function<WebDriver, Boolean> condition) {
        waiting().until(condition);
        return this;
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    /** Runs a script in the page (through the driver, so the page's Content-Security-Policy does not apply to it). */
    public Object script(String script, Object... arguments) {
        return ((ChromeDriver) driver).executeScript(script, arguments);
    }

    /** What the pages wrote to the browser's console since the last call (CSP violations land here). */
    public List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    public String mainText() {
        return find(By.id("main")).getText();
    }

    public Browser window(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /** A PNG of the whole page (the window is stretched to the page's height for it), for docs/screenshots. */
    public void screenshot(Path file) {
        Dimension window = driver.manage().window().getSize();
        Object height = ((ChromeDriver) driver).executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(window.getWidth(), Math.max(window.getHeight(),
                ((Number) height).intValue() + 140)));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /** Sets a field's value directly (date fields, whose typed form depends on the browser's locale). */
    public Browser set(String id, String value) {
        ((ChromeDriver) driver).executeScript("arguments[0].value = arguments[1]", find(By.id(id)), value);
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
