package org.jgrad.train.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.Tensor;
import org.jgrad.data.DataSet;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Module;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.init.Init;
import org.jgrad.nn.loss.CrossEntropyLoss;
import org.jgrad.nn.loss.MSELoss;
import org.jgrad.optim.SGD;
import org.jgrad.train.Callback;
import org.jgrad.train.Fixtures;
import org.jgrad.train.Trainer;
import org.jgrad.train.TrainingDivergedException;
import org.jgrad.train.TrainingState;
import org.junit.jupiter.api.Test;

/**
 * {@link NanGuard} stops training at the first non-finite loss, gradient, parameter or
 * validation loss, naming the epoch, the batch and what went first; the epoch in which it
 * happens never reaches the epoch-end callbacks.
 */
class NanGuardTest {

    /** Counts the epoch ends it sees, as a checkpoint would save at them. */
    private static final class EpochEnds implements Callback {
        final List<Integer> epochs = new ArrayList<>();

        @Override
        public void onEpochEnd(TrainingState state) {
            epochs.add(state.epoch());
        }
    }

    /** {@code √x}, whose gradient at 0 is infinite. */
    private static final class Root extends Module {
        @Override
        protected Tensor compute(Tensor input) {
            return input.sqrt();
        }
    }

    private static DataSet points(float... x) {
        float[] y = new float[x.length];
        return DataSet.of(Tensor.of(x, x.length, 1), Tensor.of(y, x.length, 1));
    }

    private static TrainingDivergedException diverge(Module model, double learningRate, DataSet data,
            Callback... more) {
        List<Callback> callbacks = new ArrayList<>(List.of(new NanGuard()));
        callbacks.addAll(List.of(more));
        return assertThrows(TrainingDivergedException.class, () -> Trainer.of(model, new MSELoss(),
                new SGD(model.parameters(), learningRate)).epochs(3).batchSize(2).shuffle(false)
                .callbacks(callbacks.toArray(Callback[]::new)).fit(data));
    }

    @Test
    void aHugeLearningRateIsCaughtAtTheParameterItMadeInfinite() {
        var model = new Sequential(new Linear(1, 1, true, Init.constant(1)));
        var ends = new EpochEnds();
        var e = diverge(model, 1e38, points(1, 2, 3, 4), ends);
        assertEquals("NanGuard: parameter '0.weight' is not finite after the update at epoch 0, batch 0; lower the"
                + " learning rate or clip the gradients", e.getMessage());
        assertEquals("0.weight", e.where());
        assertEquals(0, e.epoch());
        assertEquals(0, e.batch());
        assertEquals(List.of(), ends.epochs, "no epoch end, so no checkpoint");
    }

    @Test
    void aPoisonedInputIsNamedWithItsExampleAndBatch() {
        var model = new Sequential(new Linear(1, 4), new ReLU(), new Linear(4, 1));
        var e = diverge(model, 0.01, points(1, 2, 3, Float.NaN, 5, 6));
        assertEquals("NanGuard: the loss is NaN at epoch 0, batch 1; the input features of example 3 are not finite;"
                + " stopped before the update", e.getMessage());
        assertEquals("input", e.where());
        assertEquals(1, e.batch());
    }

    @Test
    void aLayerThatOverflowsIsNamedAsTheFirstNonFiniteOutput() {
        var model = new Sequential(new Linear(1, 1, false, Init.constant(1e30)), new ReLU(),
                new Linear(1, 1, false, Init.constant(1)));
        var e = diverge(model, 0.01, points(1e10f, 1));
        assertEquals("NanGuard: the loss is Infinity at epoch 0, batch 0; the first layer whose output is not finite"
                + " is '0' (Linear); stopped before the update", e.getMessage());
        assertEquals("'0' (Linear)", e.where());
        assertEquals(1e30, model.parameters().getFirst().value().item(), 1e24, "no update was made");
    }

    @Test
    void anInfiniteGradientUnderAFiniteLossNamesTheParameter() {
        var model = new Sequential(new Linear(1, 1, false, Init.zeros()), new Root());
        var e = diverge(model, 0.01, DataSet.of(Tensor.of(new float[] {1, 1}, 2, 1),
                Tensor.of(new float[] {1, 1}, 2, 1)));
        assertEquals("NanGuard: the gradient of parameter '0.weight' is not finite (-Infinity) at epoch 0, batch 0;"
                + " stopped before the update", e.getMessage());
    }

    @Test
    void aNonFiniteValidationLossEndsTrainingAfterItsEpoch() {
        var model = Fixtures.mlp(1);
        DataSet poisoned = DataSet.of(Tensor.of(new float[] {Float.NaN, 0}, 1, 2), Tensor.of(new long[] {0}, 1));
        var ends = new EpochEnds();
        var e = assertThrows(TrainingDivergedException.class, () -> Trainer.of(model, new CrossEntropyLoss(),
                new SGD(model.parameters(), 0.1)).epochs(3).validation(poisoned).callbacks(new NanGuard(), ends)
                .fit(Fixtures.blobs(12, 1)));
        assertEquals("NanGuard: the validation loss is NaN after epoch 0", e.getMessage());
        assertEquals(1, e.history().size());
        assertEquals(List.of(), ends.epochs, "the guard comes first, so the later callback never sees the epoch");
    }
}
