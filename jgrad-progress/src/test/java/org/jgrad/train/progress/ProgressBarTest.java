package org.jgrad.train.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.data.DataSet;
import org.jgrad.nn.Linear;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.loss.CrossEntropyLoss;
import org.jgrad.optim.SGD;
import org.jgrad.train.EpochRecord;
import org.jgrad.train.History;
import org.jgrad.train.Trainer;
import org.jgrad.train.metrics.Metrics;
import org.junit.jupiter.api.Test;

/** {@link ProgressBar}: the exact per-epoch line without a terminal, and a moving bar with one. */
class ProgressBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private static Map<String, Double> accuracy(double value) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", value);
        return metrics;
    }

    @Test
    void anEpochLineShowsEveryFigureOfTheRecord() {
        var record = new EpochRecord(2, 0.341249, accuracy(0.88214), 0.37101, accuracy(0.871), 0.001, 1.234, 48000.4);
        assertEquals("Epoch 3/20 - loss 0.3412 - accuracy 0.8821 - val_loss 0.3710 - val_accuracy 0.8710 - lr 0.001"
                + " - 1.2 s - 48000 samples/s", EpochLine.format(record, 20));
        var bare = new EpochRecord(0, 2.5, Map.of(), Double.NaN, Map.of(), 1.25e-4, 0.04, 999.5);
        assertEquals("Epoch 1/1 - loss 2.5000 - lr 0.000125 - 0.0 s - 1000 samples/s", EpochLine.format(bare, 1));
        var tiny = new EpochRecord(0, 1, Map.of(), Double.NaN, Map.of(), 1e-8, 1, 1);
        assertEquals("Epoch 1/1 - loss 1.0000 - lr 1E-8 - 1.0 s - 1 samples/s", EpochLine.format(tiny, 1));
    }

    private History train(ProgressBar progress) {
        Rng rng = new Rng(1);
        Tensor x = Tensor.randn(rng.split(), 40, 3);
        DataSet data = DataSet.of(x, x.argmax(1, false));
        var model = new Sequential(new Linear(3, 8), new ReLU(), new Linear(8, 3));
        return Trainer.of(model, new CrossEntropyLoss(), new SGD(model.parameters(), 0.1)).epochs(2).batchSize(8)
                .validationSplit(0.25).metrics(Metrics.accuracy()).callbacks(progress).fit(data);
    }

    @Test
    void withoutATerminalItPrintsOnePlainLinePerEpoch() {
        History history = train(new ProgressBar(out, false));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(List.of(EpochLine.format(history.epoch(0), 2), EpochLine.format(history.epoch(1), 2)),
                printed.lines().toList());
        assertTrue(printed.lines().allMatch(line -> line.matches("Epoch [12]/2 - loss \\d\\.\\d{4} - accuracy \\d\\.\\d{4}"
                + " - val_loss \\d\\.\\d{4} - val_accuracy \\d\\.\\d{4} - lr 0\\.1 - \\d+\\.\\d s - \\d+ samples/s")),
                printed);
        assertTrue(printed.chars().noneMatch(c -> c == '\r' || c == 0x1b), "no carriage return or escape code");
    }

    @Test
    void onATerminalItDrawsABarPerEpoch() {
        History history = train(new ProgressBar(out, true));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Epoch 1/2") && printed.contains("Epoch 2/2"), printed);
        assertTrue(printed.contains("30/30"), "the bar reaches the 30 training examples: " + printed);
        assertTrue(printed.contains("samples/s") && printed.contains("loss ") && printed.contains("accuracy "), printed);
        assertTrue(printed.contains(EpochLine.format(history.last(), 2)), printed);
    }
}
