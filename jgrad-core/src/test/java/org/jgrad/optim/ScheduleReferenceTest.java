package org.jgrad.optim;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jgrad.Tensor;
import org.jgrad.nn.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The learning rates of every schedule, from construction through each {@code step}, against
 * PyTorch's schedulers in {@code optimizers.ref}, starting from η₀ = 0.1. PyTorch computes most
 * rates recursively and these closed forms differ by rounding only, far below 1e-12.
 */
class ScheduleReferenceTest {

    static Stream<Arguments> schedules() {
        return Stream.of(
                schedule("steplr", o -> new EpochScheduler(o, new StepLR(3, 0.5))),
                schedule("exponentiallr", o -> new EpochScheduler(o, new ExponentialLR(0.9))),
                schedule("cosine", o -> new EpochScheduler(o, new CosineAnnealingLR(10, 0.001))),
                schedule("warmup", o -> new EpochScheduler(o, new LinearWarmUp(4, 0.1))),
                schedule("warmup_cosine", o -> new EpochScheduler(o, new LinearWarmUp(3, 0.25, new CosineAnnealingLR(8)))),
                schedule("plateau", o -> new ReduceLROnPlateau(o).factor(0.5).patience(2).threshold(0.01).cooldown(1)
                        .minLr(0.02)),
                schedule("plateau_max_abs", o -> new ReduceLROnPlateau(o).mode(ReduceLROnPlateau.Mode.MAX).factor(0.3)
                        .patience(1).threshold(0.02).thresholdMode(ReduceLROnPlateau.ThresholdMode.ABS)));
    }

    private static Arguments schedule(String name, Function<Optimizer, LrScheduler> make) {
        return Arguments.of(name, make);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void matchesPyTorch(String name, Function<Optimizer, LrScheduler> make) {
        var optimizer = new SGD(List.of(new Parameter(Tensor.zeros(1))), 0.1);
        LrScheduler scheduler = make.apply(optimizer);
        double[] metrics = ReferenceProblem.REF.get("plateau.metrics").toDoubleArray();
        int epochs = ReferenceProblem.REF.get(name + ".lr").numel() - 1;
        double[] rates = new double[epochs + 1];
        rates[0] = scheduler.learningRate();
        for (int e = 0; e < epochs; e++) {
            scheduler.step(metrics[e]);
            rates[e + 1] = optimizer.learningRate();
        }
        ReferenceProblem.assertMatches(name + ".lr", Tensor.of(rates));
    }
}
