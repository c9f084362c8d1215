package org.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgrad.nn.loss.CrossEntropyLoss;
import org.jgrad.optim.SGD;
import org.jgrad.train.EpochRecord;
import org.jgrad.train.Fixtures;
import org.jgrad.train.History;
import org.jgrad.train.Trainer;
import org.jgrad.train.metrics.Metrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CsvLogger}: one row per epoch with every figure of the history, in full precision. */
class CsvLoggerTest {

    @TempDir
    Path folder;

    private Trainer trainer() {
        var model = Fixtures.mlp(1);
        return Trainer.of(model, new CrossEntropyLoss(), new SGD(model.parameters(), 0.1)).epochs(3)
                .metrics(Metrics.accuracy(), Metrics.topK(2));
    }

    @Test
    void writesTheHistoryWithValidationColumns() throws IOException {
        Path file = folder.resolve("log.csv");
        History history = trainer().validationSplit(0.25).callbacks(new CsvLogger(file)).fit(Fixtures.blobs(40, 1));
        List<String> lines = Files.readAllLines(file);
        assertEquals("epoch,loss,accuracy,top_2_accuracy,val_loss,val_accuracy,val_top_2_accuracy,learning_rate,"
                + "seconds,samples_per_second", lines.getFirst());
        assertEquals(4, lines.size());
        for (EpochRecord r : history.epochs()) {
            assertEquals(String.join(",", String.valueOf(r.epoch()), String.valueOf(r.trainLoss()),
                    String.valueOf(r.trainMetrics().get("accuracy")), String.valueOf(r.trainMetrics().get("top_2_accuracy")),
                    String.valueOf(r.validationLoss()), String.valueOf(r.validationMetrics().get("accuracy")),
                    String.valueOf(r.validationMetrics().get("top_2_accuracy")), "0.1", String.valueOf(r.seconds()),
                    String.valueOf(r.samplesPerSecond())), lines.get(r.epoch() + 1));
        }
        try (var files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void leavesOutTheValidationColumnsWithoutValidationData() throws IOException {
        Path file = folder.resolve("log.csv");
        trainer().callbacks(new CsvLogger(file)).fit(Fixtures.blobs(40, 1));
        List<String> lines = Files.readAllLines(file);
        assertEquals("epoch,loss,accuracy,top_2_accuracy,learning_rate,seconds,samples_per_second", lines.getFirst());
        assertEquals(7, lines.get(3).split(",").length);
    }
}
