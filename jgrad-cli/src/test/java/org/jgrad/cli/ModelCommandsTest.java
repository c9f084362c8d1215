package org.jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model trained on a CSV file, then read back by {@code evaluate}, {@code predict} and
 * {@code summary}; and the errors a user meets, each one clear line with the right exit code.
 */
class ModelCommandsTest {

    @TempDir
    static Path dir;

    static Path csv;
    static Path model;
    static Cli trained;

    /** A small table: a categorical column, two numeric ones, and a string target. */
    @BeforeAll
    static void trainOnACsvFile() throws IOException {
        csv = dir.resolve("flowers.csv");
        StringBuilder text = new StringBuilder("colour,length,width,kind\n");
        for (int i = 0; i < 60; i++) {
            boolean big = i % 2 == 0;
            text.append(big ? "red" : (i % 3 == 0 ? "blue" : "green")).append(',')
                    .append(big ? 5 + i % 7 * 0.1 : 1 + i % 5 * 0.1).append(',')
                    .append(big ? 3 + i % 3 * 0.1 : 0.5 + i % 4 * 0.1).append(',')
                    .append(big ? "large" : "small").append('\n');
        }
        Files.writeString(csv, text);
        model = dir.resolve("flowers.safetensors");
        trained = Cli.run("train", "--data", csv.toString(), "--target", "kind", "--epochs", "100", "--lr", "0.01",
                "--hidden", "8", "--validation", "0", "--seed", "3", "--out", model.toString()).expect(0);
        assertTrue(trained.metric("training data", "accuracy") >= 0.99, trained.out());
        assertTrue(trained.out().contains("saved " + model), trained.out());
    }

    @Test
    void evaluateScoresTheSavedModelExactlyAsTrainingDid() {
        Cli cli = Cli.run("evaluate", "--model", model.toString(), "--data", csv.toString()).expect(0);
        // The same rows through the saved encoding and scaler give the very same log-loss.
        assertEquals(trained.metric("training data", "log-loss"), cli.metric(csv.toString(), "log-loss"));
        assertEquals(1.0, cli.metric(csv.toString(), "accuracy"));
        assertTrue(cli.out().contains("  0 = large\n  1 = small"), cli.out());
    }

    @Test
    void regressionPredictionsComeBackInTheTargetsUnits() throws IOException {
        Path houses = dir.resolve("houses.csv");
        Path inputs = dir.resolve("houses-new.csv");
        StringBuilder table = new StringBuilder("rooms,area,price\n");
        StringBuilder withoutTarget = new StringBuilder("area,rooms\n");
        double[] prices = new double[40];
        for (int i = 0; i < prices.length; i++) {
            int rooms = 1 + i % 5;
            double area = 30 + 7 * (i % 11);
            prices[i] = 1000 * rooms + 50 * area;
            table.append(rooms).append(',').append(area).append(',').append(prices[i]).append('\n');
            withoutTarget.append(area).append(',').append(rooms).append('\n');
        }
        Files.writeString(houses, table);
        Files.writeString(inputs, withoutTarget);
        Path regression = dir.resolve("houses.safetensors");
        Cli train = Cli.run("train", "--data", houses.toString(), "--target", "price", "--hidden", "16",
                "--epochs", "300", "--lr", "0.01", "--validation", "0", "--out", regression.toString()).expect(0);
        double r2 = train.metric("training data", "r2");
        assertTrue(r2 > 0.99, train.out());
        Cli evaluate = Cli.run("evaluate", "--model", regression.toString(), "--data", houses.toString()).expect(0);
        assertEquals(train.metric("training data", "mae"), evaluate.metric(houses.toString(), "mae"));

        Path out = dir.resolve("prices.csv");
        Cli.run("predict", "--model", regression.toString(), "--data", inputs.toString(), "--out", out.toString())
                .expect(0);
        List<String> lines = Files.readAllLines(out);
        assertEquals("prediction", lines.get(0));
        double absoluteError = 0;
        for (int i = 0; i < prices.length; i++) {
            absoluteError += Math.abs(Double.parseDouble(lines.get(i + 1)) - prices[i]);
        }
        // Columns in another order, no target: the same answers, in prices, as evaluate scored.
        assertEquals(evaluate.metric(houses.toString(), "mae"), absoluteError / prices.length, 0.01);
    }

    @Test
    void predictWritesOneRowPerInputWithClassProbabilities() throws IOException {
        Path out = dir.resolve("predictions.csv");
        Cli cli = Cli.run("predict", "--model", model.toString(), "--data", csv.toString(), "--out", out.toString())
                .expect(0);
        assertEquals("wrote 60 predictions to " + out, cli.out().strip());
        List<String> lines = Files.readAllLines(out);
        assertEquals("prediction,p_large,p_small", lines.get(0));
        assertEquals(61, lines.size());
        String[] first = lines.get(1).split(",");
        assertEquals("large", first[0]);
        assertEquals(1.0, Double.parseDouble(first[1]) + Double.parseDouble(first[2]), 1e-6);
    }

    @Test
    void summaryShowsLayersClassesAndTheTrainingCommand() {
        Cli cli = Cli.run("summary", "--model", model.toString()).expect(0);
        assertTrue(cli.out().contains("classes: large, small"), cli.out());
        assertTrue(cli.out().contains("inputs: 5 features from columns colour, length, width (standardized)"), cli.out());
        assertTrue(cli.out().contains("trained with: jgrad train --data " + csv + " --target kind --hidden 8"), cli.out());
        assertTrue(cli.out().contains("Total parameters: 66"), cli.out());
    }

    @Test
    void aFailedTrainingLeavesTheExistingModelUntouched() throws IOException {
        byte[] before = Files.readAllBytes(model);
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "colour,length,width,kind\nred,5.0,3.0,large\nblue,1.0,0.5,small\n"
                + "red,5.2,3.1,large\nblue,abc,0.5,small\n");
        Cli cli = Cli.run("train", "--data", broken.toString(), "--target", "kind", "--out", model.toString()).expect(1);
        assertEquals("jgrad: error: " + broken.getFileName() + ": line 5, column 'length': 'abc' is not a number"
                + " (--verbose shows the stack trace)", cli.err().strip());
        assertArrayEquals(before, Files.readAllBytes(model));
    }

    @Test
    void missingValuesFailWithAHintOrAreImputedWhenAsked() throws IOException {
        Path gaps = dir.resolve("gaps.csv");
        StringBuilder text = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 40; i++) {
            text.append(i == 7 ? "" : Double.toString(i % 2 + 0.1 * (i % 3))).append(',').append(i % 5).append(',')
                    .append(i % 2 == 0 ? "even" : "odd").append('\n');
        }
        Files.writeString(gaps, text);
        Path out = dir.resolve("gaps.safetensors");
        Cli failed = Cli.run("train", "--data", gaps.toString(), "--target", "label", "--out", out.toString()).expect(1);
        assertEquals("jgrad: error: gaps.csv: line 9, column 'a': missing value (--impute fills missing values with"
                + " the training mean or most frequent value) (--verbose shows the stack trace)", failed.err().strip());
        Cli.run("train", "--data", gaps.toString(), "--target", "label", "--impute", "--epochs", "5",
                "--out", out.toString()).expect(0);
        assertTrue(Files.isRegularFile(out));
    }

    @Test
    void userErrorsAreOneLineWithExitCode1() {
        Cli noTarget = Cli.run("train", "--data", csv.toString(), "--out", dir.resolve("x.safetensors").toString());
        assertEquals("jgrad: error: --target: name the column to predict (the CSV file " + csv
                + " has no default) (--verbose shows the stack trace)", noTarget.expect(1).err().strip());
        Cli missing = Cli.run("evaluate", "--model", dir.resolve("nothing.safetensors").toString(), "--data", "iris");
        assertEquals("jgrad: error: no such file: " + dir.resolve("nothing.safetensors")
                + " (--verbose shows the stack trace)", missing.expect(1).err().strip());
        assertFalse(Files.exists(dir.resolve("x.safetensors")));
    }

    @Test
    void badOptionValuesAreUsageErrorsFoundBeforeAnyWork() {
        Cli epochs = Cli.run("train", "--data", "iris", "--epochs", "0", "--out", dir.resolve("e.safetensors").toString());
        assertTrue(epochs.expect(2).err().startsWith("--epochs: must be at least 1, got 0"), epochs.err());
        Cli fractions = Cli.run("train", "--data", "iris", "--validation", "0.9", "--test", "0.2", "--out", "x");
        assertTrue(fractions.expect(2).err().startsWith("--validation and --test: together they must leave examples"
                + " to train on, got 0.9 + 0.2"), fractions.err());
        Cli directory = Cli.run("train", "--data", "iris", "--out", dir.toString());
        assertTrue(directory.expect(2).err().startsWith("--out: " + dir + " is a directory; give a file name"),
                directory.err());
    }

    @Test
    void usageErrorsExitWith2() {
        Cli badOptimizer = Cli.run("train", "--data", "iris", "--optimizer", "lbfgs", "--out", "x");
        assertTrue(badOptimizer.expect(2).err().contains("'lbfgs' is not one of sgd, momentum, nesterov, adagrad,"
                + " rmsprop, adam, adadelta"), badOptimizer.err());
        Cli noOut = Cli.run("train", "--data", "iris");
        assertTrue(noOut.expect(2).err().contains("Missing required option: '--out=MODEL'"), noOut.err());
    }
}
