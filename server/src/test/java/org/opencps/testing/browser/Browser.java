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
import org.openqa.selenium.OutputType;
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
    private static final Duration WAIT = Duration.ofSeconds(20);

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
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public Browser type(String id, String text) {
        WebElement field = find(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser click(By by) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by)).click();
        return this;
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
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), text));
        return this;
    }

    public Browser waitForPath(String path) {
        new WebDriverWait(driver, WAIT).until(d -> path().equals(path) || path().startsWith(path + "?"));
        return this;
    }

    public Browser waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).until(condition);
        return this;
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
