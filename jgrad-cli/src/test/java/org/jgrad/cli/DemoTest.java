package org.jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgrad demo}: the 784-256-128-10 MLP with Adam (batch 128, at most 10 epochs, seed 0)
 * reaches 88% on Fashion-MNIST's test images, and the saved model predicts identically after
 * reloading. CI installs Debian's {@code dataset-fashion-mnist}; elsewhere the digits fallback
 * is checked instead.
 */
class DemoTest {

    @TempDir
    Path dir;

    @Test
    void fashionMnistReaches88PercentOnTheTestImages() {
        assumeTrue(Files.isDirectory(Path.of(DemoCommand.FASHION_MNIST)), "dataset-fashion-mnist is not installed");
        Cli cli = Cli.run("demo", "--out", dir.resolve("fashion.safetensors").toString()).expect(0);
        double accuracy = cli.metric("test set", "accuracy");
        assertTrue(accuracy >= 0.88, "test accuracy " + accuracy + "\n" + cli.out());
        assertTrue(cli.out().contains("and reloaded it: identical predictions on the 10000 test examples"), cli.out());
    }

    @Test
    void theDigitsFallbackTrainsTestsAndReloads() {
        Cli cli = Cli.run("demo", "--data", "digits", "--out", dir.resolve("digits.safetensors").toString()).expect(0);
        double accuracy = cli.metric("test set", "accuracy");
        assertTrue(accuracy >= 0.95, "test accuracy " + accuracy + "\n" + cli.out());
        assertTrue(cli.out().matches("(?s).*and reloaded it: identical predictions on the 3\\d\\d test examples.*"), cli.out());
    }
}
