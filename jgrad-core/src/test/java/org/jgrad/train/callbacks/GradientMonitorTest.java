package org.jgrad.train.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgrad.Tensor;
import org.jgrad.data.DataSet;
import org.jgrad.nn.Linear;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.init.Init;
import org.jgrad.nn.loss.MSELoss;
import org.jgrad.optim.SGD;
import org.jgrad.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * {@link GradientMonitor}'s figures against the same quantities computed directly on one full
 * batch, and its exploding-gradient warning on a step size that doubles the gradient each epoch.
 */
class GradientMonitorTest {

    private static final Tensor X = Tensor.of(new float[] {1, 2, -1, 0.5f, 0.3f, -2, 2, 1}, 4, 2);
    private static final Tensor Y = Tensor.of(new float[] {1, -1, 0.5f, 2}, 4, 1);

    /** 2-3-1 with fixed weights; the third hidden unit's bias of −100 keeps it at 0: a dead ReLU. */
    private static Sequential network() {
        var model = new Sequential(new Linear(2, 3), new ReLU(), new Linear(3, 1));
        var hidden = (Linear) model.get(0);
        hidden.weight().set(Tensor.of(new float[] {0.5f, -0.3f, 0.8f, 0.2f, 0.1f, 0.1f}, 3, 2));
        hidden.bias().set(Tensor.of(new float[] {0.1f, -0.2f, -100}, 3));
        var output = (Linear) model.get(2);
        output.weight().set(Tensor.of(new float[] {0.7f, -0.4f, 0.6f}, 1, 3));
        output.bias().set(Tensor.of(new float[] {0.05f}, 1));
        return model;
    }

    @Test
    void figuresOfOneFullBatchMatchADirectComputation() {
        var reference = network();
        new MSELoss().forward(reference.forward(X), Y).backward();
        var hidden = (Linear) reference.get(0);
        double gradientNorm = Math.sqrt(squares(hidden.weight().grad()) + squares(hidden.bias().grad()));
        double weightNorm = Math.sqrt(squares(hidden.weight().value()) + squares(hidden.bias().value()));
        double[] h = X.matmul(hidden.weight().value().t()).add(hidden.bias().value()).relu().toDoubleArray();
        double mean = 0;
        for (double v : h) {
            mean += v / h.length;
        }
        double variance = 0;
        for (double v : h) {
            variance += (v - mean) * (v - mean) / h.length;
        }

        var monitor = new GradientMonitor();
        var model = network();
        Trainer.of(model, new MSELoss(), new SGD(model.parameters(), 0.1)).batchSize(4).shuffle(false)
                .callbacks(monitor).fit(DataSet.of(X, Y));
        List<LayerStats> epoch = monitor.epoch(0);
        assertEquals(List.of("0", "1", "2"), epoch.stream().map(LayerStats::layer).toList());
        LayerStats first = epoch.get(0);
        assertEquals("Linear", first.type());
        assertEquals(gradientNorm, first.gradientNorm(), 1e-6 * gradientNorm);
        // A plain SGD step is −η·g, so the update is η·‖g‖ against ‖w‖.
        assertEquals(Math.log10(0.1 * gradientNorm / weightNorm), first.updateRatioLog10(), 1e-5);
        LayerStats relu = epoch.get(1);
        assertFalse(relu.hasParameters());
        assertTrue(Double.isNaN(relu.gradientNorm()) && Double.isNaN(relu.updateRatioLog10()));
        assertEquals(mean, relu.activationMean(), 1e-6);
        assertEquals(Math.sqrt(variance), relu.activationStd(), 1e-6);
        assertEquals(1.0 / 3, relu.deadFraction(), "the unit with bias −100 never fires");
        assertEquals(0, first.deadFraction(), "a linear output is not dead");
        assertEquals(List.of(), monitor.warnings());
        assertEquals(4, monitor.table(0).lines().count());
    }

    private static double squares(Tensor t) {
        return t.mul(t).sum().item();
    }

    @Test
    void warnsWhenALayersGradientGrowsByOrdersOfMagnitude() {
        // L = w² at x = 1, y = 0; a step of 1.5 makes w ← w − 1.5·2w = −2w, so |∂L/∂w| = 2·2^e.
        var model = new Linear(1, 1, false, Init.constant(1));
        var monitor = new GradientMonitor();
        Trainer.of(model, new MSELoss(), new SGD(model.parameters(), 1.5)).epochs(9).batchSize(1)
                .callbacks(monitor).fit(DataSet.of(Tensor.ones(1, 1), Tensor.zeros(1, 1)));
        assertEquals(256, monitor.epoch(7).getFirst().gradientNorm());
        assertEquals(List.of(
                "GradientMonitor: epoch 7: layer 'model' (Linear) gradient norm 256 has grown 2.1 orders of magnitude"
                        + " since the first epoch watched (2.00): exploding gradients",
                "GradientMonitor: epoch 8: layer 'model' (Linear) gradient norm 512 has grown 2.4 orders of magnitude"
                        + " since the first epoch watched (2.00): exploding gradients"), monitor.warnings());
    }

    @Test
    void rejectsABadThreshold() {
        assertEquals("GradientMonitor: orders must be positive, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new GradientMonitor().warnAt(0)).getMessage());
    }
}
