package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages. Both paths are given to
 * Selenium explicitly, so Selenium Manager never looks for, or downloads, a browser or driver. Missing packages fail
 * the test with the command that installs them: a browser test is never skipped.
 */
final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {}

    static ChromeDriver start() {
        return start(null);
    }

    /** A browser that saves downloads into {@code downloads} without asking, or the default one without. */
    static ChromeDriver start(@org.jspecify.annotations.Nullable Path downloads) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            fail(
                    "Browser tests need Chromium and its driver at %s and %s. Install them with:%n"
                            + "    apt-get update && apt-get install -y chromium chromium-driver",
                    BROWSER, DRIVER);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--no-first-run",
                        "--window-size=1280,900",
                        "--user-data-dir=" + freshProfile());
        if (downloads != null) {
            options.setExperimentalOption(
                    "prefs",
                    java.util.Map.of(
                            "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return driver;
    }

    private static File freshProfile() {
        try {
            return Files.createTempDirectory("tollgate-chromium-").toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
