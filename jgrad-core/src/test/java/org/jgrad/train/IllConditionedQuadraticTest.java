package org.jgrad.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.data.DataSet;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Parameter;
import org.jgrad.nn.init.Init;
import org.jgrad.nn.loss.MSELoss;
import org.jgrad.optim.Adam;
import org.jgrad.optim.Optimizer;
import org.jgrad.optim.SGD;
import org.junit.jupiter.api.Test;

/**
 * The decks' case for momentum and adaptive steps: least squares whose two directions have
 * curvatures about 100 apart (features of spread 1 and 10), a long narrow valley. Plain
 * gradient descent must keep its rate below 2/λ_max ≈ 0.009 for the steep direction and then
 * crawls along the flat one; momentum with the same rate, and Adam, which scales each direction
 * by its own gradient size, reach the loss target in under a third of the steps.
 */
class IllConditionedQuadraticTest {

    private static final double TARGET = 1e-3;
    private static final int MAX_STEPS = 3000;

    /** 64 examples whose second feature is ten times the spread of the first; y = x₁ + x₂ exactly. */
    private static DataSet data() {
        Rng rng = new Rng(8);
        float[] x = new float[128];
        float[] y = new float[64];
        for (int i = 0; i < 64; i++) {
            x[2 * i] = (float) rng.nextGaussian();
            x[2 * i + 1] = (float) (10 * rng.nextGaussian());
            y[i] = x[2 * i] + x[2 * i + 1];
        }
        return DataSet.of(Tensor.of(x, 64, 2), Tensor.of(y, 64, 1));
    }

    /** The number of full-batch steps after which the loss is below the target. */
    private static int stepsToTarget(Function<List<Parameter>, Optimizer> optimizer) {
        var model = new Linear(2, 1, false, Init.zeros());
        double[] losses = Trainer.of(model, new MSELoss(), optimizer.apply(model.parameters())).epochs(MAX_STEPS)
                .batchSize(64).fit(data()).trainLoss();
        for (int step = 0; step < losses.length; step++) {
            if (losses[step] < TARGET) {
                return step;
            }
        }
        return Integer.MAX_VALUE;
    }

    @Test
    void momentumAndAdamNeedFewerStepsThanPlainGradientDescent() {
        int plain = stepsToTarget(p -> new SGD(p, 0.008));
        int momentum = stepsToTarget(p -> new SGD(p, 0.008).momentum(0.9));
        int adam = stepsToTarget(p -> new Adam(p, 0.1));
        assertTrue(plain < MAX_STEPS, "plain gradient descent gets there: " + plain);
        assertTrue(momentum < plain / 3, "momentum " + momentum + " vs plain " + plain);
        assertTrue(adam < plain / 3, "Adam " + adam + " vs plain " + plain);
    }
}
