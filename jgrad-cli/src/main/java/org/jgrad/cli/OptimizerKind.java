package org.jgrad.cli;

import java.util.List;
import org.jgrad.nn.Parameter;
import org.jgrad.optim.AdaGrad;
import org.jgrad.optim.Adadelta;
import org.jgrad.optim.Adam;
import org.jgrad.optim.Optimizer;
import org.jgrad.optim.RMSProp;

/** The optimizers {@code --optimizer} offers, each with the learning rate it starts from by default. */
enum OptimizerKind {
    SGD(0.01),
    MOMENTUM(0.01),
    NESTEROV(0.01),
    ADAGRAD(0.01),
    RMSPROP(0.001),
    ADAM(0.001),
    ADADELTA(1.0);

    private final double defaultLearningRate;

    OptimizerKind(double defaultLearningRate) {
        this.defaultLearningRate = defaultLearningRate;
    }

    /** The learning rate used when {@code --lr} is not given. */
    double defaultLearningRate() {
        return defaultLearningRate;
    }

    /** This optimizer over {@code parameters}; momentum and Nesterov use γ = 0.9. */
    Optimizer create(List<Parameter> parameters, double learningRate) {
        return switch (this) {
            case SGD -> new org.jgrad.optim.SGD(parameters, learningRate);
            case MOMENTUM -> new org.jgrad.optim.SGD(parameters, learningRate).momentum(0.9);
            case NESTEROV -> new org.jgrad.optim.SGD(parameters, learningRate).momentum(0.9).nesterov(true);
            case ADAGRAD -> new AdaGrad(parameters, learningRate);
            case RMSPROP -> new RMSProp(parameters, learningRate);
            case ADAM -> new Adam(parameters, learningRate);
            case ADADELTA -> new Adadelta(parameters, learningRate);
        };
    }
}
