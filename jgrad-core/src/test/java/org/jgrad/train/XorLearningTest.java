package org.jgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.data.DataSet;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Parameter;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.Sigmoid;
import org.jgrad.nn.loss.BCELoss;
import org.jgrad.optim.AdaGrad;
import org.jgrad.optim.Adadelta;
import org.jgrad.optim.Adam;
import org.jgrad.optim.Optimizer;
import org.jgrad.optim.RMSProp;
import org.jgrad.optim.SGD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * XOR, the problem a single neuron cannot solve, learned by the smallest network that can: two
 * sigmoid hidden units and a sigmoid output (2-2-1), trained full batch on the four examples
 * with the binary cross-entropy, by plain gradient descent and by each optimizer.
 */
class XorLearningTest {

    private static final float[] XOR = {0, 1, 1, 0};

    static DataSet xor() {
        return DataSet.of(Tensor.of(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2), Tensor.of(XOR, 4, 1));
    }

    /** A 2-2-1 sigmoid network, initialized from seed 1 (PyTorch's default U(±1/√fan-in)). */
    static Sequential network() {
        var model = new Sequential(new Linear(2, 2), new Sigmoid(), new Linear(2, 1), new Sigmoid());
        model.initialize(new Rng(1));
        return model;
    }

    /** Full-batch gradient descent, one step per epoch: the deck's algorithm. */
    @Test
    void plainGradientDescentLearnsXor() {
        var model = network();
        assertLearned(model, new SGD(model.parameters(), 2.0), 1500);
    }

    static Stream<Arguments> optimizers() {
        return Stream.of(
                optimizer("SGD with momentum", p -> new SGD(p, 0.5).momentum(0.9), 600),
                optimizer("Nesterov", p -> new SGD(p, 0.5).momentum(0.9).nesterov(true), 600),
                optimizer("AdaGrad", p -> new AdaGrad(p, 0.5), 600),
                optimizer("RMSProp", p -> new RMSProp(p, 0.02), 600),
                optimizer("Adam", p -> new Adam(p, 0.05), 600),
                optimizer("Adadelta", p -> new Adadelta(p, 1.0), 3000));
    }

    private static Arguments optimizer(String name, Function<List<Parameter>, Optimizer> optimizer, int epochs) {
        return Arguments.of(name, optimizer, epochs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void everyOptimizerLearnsXor(String name, Function<List<Parameter>, Optimizer> optimizer, int epochs) {
        var model = network();
        assertLearned(model, optimizer.apply(model.parameters()), epochs);
    }

    /** Trains full batch and checks that every example is classified right with a small loss. */
    private static void assertLearned(Sequential model, Optimizer optimizer, int epochs) {
        History history = Trainer.of(model, new BCELoss(), optimizer).epochs(epochs).batchSize(4).fit(xor());
        float[] predicted = Predictions.of(model, xor(), 4).toFloatArray();
        float[] rounded = new float[4];
        for (int i = 0; i < 4; i++) {
            rounded[i] = Math.round(predicted[i]);
        }
        assertArrayEquals(XOR, rounded, "predictions " + Arrays.toString(predicted));
        assertTrue(history.last().trainLoss() < 0.1, "final loss " + history.last().trainLoss());
    }
}
