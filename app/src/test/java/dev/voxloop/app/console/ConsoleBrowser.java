package dev.voxloop.app.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by chromedriver, with a fake microphone that plays a speech WAV.
 * Screenshots go to {@code target/screenshots/}.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    ConsoleBrowser(Path workDir) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path wav = copySpeech(workDir);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-audio-capture=" + wav, "--autoplay-policy=no-user-gesture-required",
                "--window-size=1100,900", "--user-data-dir=" + workDir.resolve("chrome-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(45));
    }

    /**
     * True when Debian's chromium and chromedriver are installed (scripts/system-deps.sh installs them). Under CI
     * (CI set) a missing browser is a failure, never a silent skip.
     */
    static boolean available() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI run without chromium/chromedriver: scripts/system-deps.sh installs them");
        }
        return installed;
    }

    private static Path copySpeech(Path workDir) {
        try (InputStream in = ConsoleBrowser.class.getResourceAsStream("/console/speech.wav")) {
            if (in == null) {
                throw new IllegalStateException("test resource /console/speech.wav is missing");
            }
            Files.createDirectories(workDir);
            Path wav = workDir.resolve("speech.wav");
            Files.copy(in, wav, StandardCopyOption.REPLACE_EXISTING);
            return wav.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
        waitFor(d -> script("return document.readyState === 'complete' && !!window.__voxloop"));
    }

    /** Reloads the page (a hash-only navigation would not). */
    void reload() {
        driver.navigate().refresh();
        waitFor(d -> script("return document.readyState === 'complete' && !!window.__voxloop"));
    }

    /** Waits for a toast whose text contains the given words (toasts slide in, so read textContent). */
    String toast(String contains) {
        return waitFor(d -> {
            Object text = script("return [...document.querySelectorAll('.toast')].map(t => t.textContent).join('\\n');");
            return text != null && text.toString().toLowerCase().contains(contains.toLowerCase()) ? text.toString() : null;
        });
    }

    /** Visible controls without an accessible name (aria-label, aria-labelledby, a label, or text). */
    @SuppressWarnings("unchecked")
    List<String> unnamedControls() {
        return (List<String>) script("""
                const named = el => {
                  if ((el.getAttribute('aria-label') || '').trim()) return true;
                  const by = el.getAttribute('aria-labelledby');
                  if (by && by.split(' ').some(id => (document.getElementById(id)?.textContent || '').trim())) return true;
                  if (el.labels && [...el.labels].some(l => l.textContent.trim())) return true;
                  if (el.tagName === 'BUTTON' || el.tagName === 'A' || el.tagName === 'SUMMARY') return el.textContent.trim() !== '';
                  return false;
                };
                return [...document.querySelectorAll('button, a[href], input, select, textarea, summary, audio')]
                  .filter(el => el.offsetParent !== null && !named(el))
                  .map(el => el.outerHTML.slice(0, 120));""");
    }

    String focusedId() {
        return (String) script("return document.activeElement ? document.activeElement.id : '';");
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    WebElement clickable(String css) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    }

    void gone(String css) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).until(condition);
    }

    /** Waits until some text appears in the element. */
    WebElement text(String css, String contains) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), contains));
        return driver.findElement(By.cssSelector(css));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    String status() {
        return driver.findElement(By.id("status-text")).getText();
    }

    /** Presses a key on the page body (not in a field). */
    void pressOnPage(CharSequence key) {
        script("document.activeElement && document.activeElement.blur && document.activeElement.blur();");
        driver.findElement(By.tagName("body")).sendKeys(key);
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            // best effort: let fade-ins and slide-ins finish; looping animations (blobs, pulse) and transitions
            // (the level meter restarts them 20 times a second) are ignored
            try {
                waitFor(Duration.ofSeconds(3), d -> Boolean.TRUE.equals(script(
                        "return document.getAnimations().filter(a => a instanceof CSSAnimation)"
                                + ".every(a => a.playState !== 'running' || a.effect.getTiming().iterations === Infinity);")));
            } catch (org.openqa.selenium.TimeoutException e) {
                // take the picture anyway
            }
            Path target = SCREENSHOTS.resolve(name + ".png");
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(target, png);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
