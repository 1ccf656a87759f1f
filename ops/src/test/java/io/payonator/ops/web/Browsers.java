package io.payonator.ops.web;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver. Both binaries are named to
 * Selenium, so its Selenium Manager never looks for (or downloads) a browser or driver of its own.
 * Missing binaries fail the test under {@code CI=true} (.ci/run installs them) and skip it elsewhere.
 */
final class Browsers {

    static final String PACKAGES = "chromium chromium-driver";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browsers() {
    }

    /** A new headless browser with a profile of its own under {@code work}, its window {@code width} wide. */
    static ChromeDriver start(Path work, int width, int height) throws IOException {
        requireBinaries();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory(work, "chromium"),
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        return new ChromeDriver(service, options);
    }

    private static void requireBinaries() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String missing = "the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + ": apt-get install " + PACKAGES;
        if ("true".equals(System.getenv("CI"))) {
            fail(missing);
        }
        Assumptions.abort(missing + " (skipped: not under CI=true)");
    }
}
