package org.jgrad.train.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jgrad.nn.Linear;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.loss.CrossEntropyLoss;
import org.jgrad.optim.ReduceLROnPlateau;
import org.jgrad.optim.SGD;
import org.jgrad.optim.StepLR;
import org.jgrad.train.Fixtures;
import org.jgrad.train.History;
import org.jgrad.train.Trainer;
import org.junit.jupiter.api.Test;

/** {@link LearningRateScheduler}: the rates each epoch trains with, by schedule, by plateau, and after resuming. */
class LearningRateSchedulerTest {

    private final Sequential model = new Sequential(new Linear(2, 3));

    @Test
    void aScheduleSetsTheRateOfEveryEpochFromItsNumber() {
        var optimizer = new SGD(model.parameters(), 1);
        var trainer = Trainer.of(model, new CrossEntropyLoss(), optimizer).epochs(5)
                .callbacks(LearningRateScheduler.of(new StepLR(2, 0.5), 0.1));
        History history = trainer.fit(Fixtures.blobs(30, 1));
        assertArrayEquals(new double[] {0.1, 0.1, 0.05, 0.05, 0.025}, history.learningRate(), 1e-17);
        // Resumed after epoch 3, with the optimizer's rate lost, the remaining epochs get the same rates.
        optimizer.setLearningRate(7);
        History resumed = trainer.fit(Fixtures.blobs(30, 1), History.of(history.epochs().subList(0, 3), null));
        assertArrayEquals(history.learningRate(), resumed.learningRate(), 1e-17);
    }

    @Test
    void aPlateauSchedulerCutsTheRateWhenTheLossStopsImproving() {
        // With a rate of 1e-12 the float32 weights do not move, so the loss never improves after epoch 0;
        // eps 0 lets the scheduler make cuts that small.
        var optimizer = new SGD(model.parameters(), 1e-12);
        History history = Trainer.of(model, new CrossEntropyLoss(), optimizer).epochs(4).batchSize(30)
                .shuffle(false).callbacks(LearningRateScheduler.of(new ReduceLROnPlateau(optimizer).patience(0)
                        .factor(0.5).eps(0))).fit(Fixtures.blobs(30, 1));
        assertArrayEquals(new double[] {1e-12, 1e-12, 5e-13, 2.5e-13}, history.learningRate(), 1e-28);
    }

    @Test
    void rejectsABadBaseRate() {
        assertEquals("LearningRateScheduler: base learning rate must be positive, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> LearningRateScheduler.of(new StepLR(1, 0.5), 0))
                        .getMessage());
    }
}
