package org.jgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.Tensor;
import org.jgrad.autograd.GradMode;
import org.jgrad.data.DataSet;
import org.junit.jupiter.api.Test;

/** {@link Predictions}: batch by batch, the outputs of one forward pass over everything. */
class PredictionsTest {

    @Test
    void batchedOutputsOfADataSetOrOfBareInputsEqualOnePassInEvaluationMode() {
        var model = Fixtures.mlp(1);
        DataSet data = Fixtures.blobs(7, 2);
        model.train();
        Tensor whole;
        try (var scope = GradMode.noGrad()) {
            model.eval();
            whole = model.forward(data.features());
            model.train();
        }
        assertArrayEquals(whole.toFloatArray(), Predictions.of(model, data, 3).toFloatArray());
        assertArrayEquals(whole.toFloatArray(), Predictions.of(model, data.features(), 3).toFloatArray());
        assertTrue(model.isTraining(), "the model's mode is restored");
        assertEquals("Predictions: the data set is empty", assertThrows(IllegalArgumentException.class,
                () -> Predictions.of(model, Tensor.zeros(0, 2), 3)).getMessage());
    }
}
