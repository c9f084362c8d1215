package org.jgrad.optim;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jgrad.nn.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer, and its notable options, against the trajectories PyTorch 1.13 wrote into
 * {@code optimizers.ref} ({@code make_optimizers.py}): the same problem replayed in float64,
 * both parameters compared after each of ten steps at relative error 1e-12.
 */
class OptimizerReferenceTest {

    private static final int STEPS = 10;

    static Stream<Arguments> cases() {
        return Stream.of(
                optimizer("sgd", p -> new SGD(p, 0.3)),
                optimizer("sgd_momentum", p -> new SGD(p, 0.3).momentum(0.9)),
                optimizer("sgd_dampening", p -> new SGD(p, 0.3).momentum(0.9).dampening(0.5)),
                optimizer("sgd_nesterov", p -> new SGD(p, 0.3).momentum(0.9).nesterov(true)),
                optimizer("sgd_weight_decay", p -> new SGD(p, 0.3).momentum(0.5).weightDecay(0.1)),
                optimizer("adagrad", p -> new AdaGrad(p, 0.1)),
                optimizer("adagrad_weight_decay", p -> new AdaGrad(p, 0.1).weightDecay(0.1)),
                optimizer("rmsprop", p -> new RMSProp(p, 0.01).alpha(0.9)),
                optimizer("rmsprop_momentum", p -> new RMSProp(p, 0.01).alpha(0.9).momentum(0.8)),
                optimizer("rmsprop_centered",
                        p -> new RMSProp(p, 0.01).alpha(0.9).momentum(0.5).centered(true).weightDecay(0.05)),
                optimizer("adam", p -> new Adam(p, 0.05)),
                optimizer("adam_amsgrad", p -> new Adam(p, 0.05).betas(0.8, 0.9).amsgrad(true)),
                optimizer("adam_weight_decay", p -> new Adam(p, 0.05).weightDecay(0.1)),
                optimizer("adamw", p -> new AdamW(p, 0.05).weightDecay(0.1)),
                optimizer("adamw_amsgrad", p -> new AdamW(p, 0.05).weightDecay(0.1).amsgrad(true)),
                optimizer("adadelta", p -> new Adadelta(p)),
                optimizer("adadelta_options", p -> new Adadelta(p, 0.5).rho(0.8).eps(1e-5).weightDecay(0.1)));
    }

    private static Arguments optimizer(String name, Function<List<Parameter>, Optimizer> make) {
        return Arguments.of(name, make);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void followsPyTorchStepByStep(String name, Function<List<Parameter>, Optimizer> make) {
        var problem = new ReferenceProblem();
        Optimizer optimizer = make.apply(problem.parameters);
        for (int k = 1; k <= STEPS; k++) {
            optimizer.zeroGrad();
            problem.loss().backward();
            optimizer.step();
            ReferenceProblem.assertMatches(name + ".step" + k + ".weight", problem.weight.value());
            ReferenceProblem.assertMatches(name + ".step" + k + ".bias", problem.bias.value());
        }
    }
}
