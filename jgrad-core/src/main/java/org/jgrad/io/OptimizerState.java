package org.jgrad.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.nn.Module;
import org.jgrad.nn.Parameter;
import org.jgrad.optim.Optimizer;

/**
 * An optimizer as a {@link Checkpoint} keeps it: its class, which of the model's parameters it
 * updates, and its {@link Optimizer#stateDict()} (the learning rate and each parameter's
 * moments and step count). The optimizer's other settings (β, ε, weight decay …) are not
 * stored: the optimizer that the state is restored into is built with them, as it was for the
 * run that saved it.
 *
 * @param type the optimizer's class name, e.g. {@code org.jgrad.optim.Adam}
 * @param parameters the model's names of the parameters the optimizer updates ({@code
 *     0.weight}), in the optimizer's order, which its state's indices follow
 * @param state the optimizer's state dict: {@code lr}, and {@code index.name} per parameter
 */
public record OptimizerState(String type, List<String> parameters, Map<String, Tensor> state) {

    /** Holds copies of the list and the map, in their order. */
    public OptimizerState {
        Objects.requireNonNull(type, "OptimizerState: type");
        parameters = List.copyOf(parameters);
        state.forEach((key, tensor) -> Objects.requireNonNull(tensor, () -> "OptimizerState: state '" + key + "'"));
        state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
    }

    /** The state of {@code optimizer}, all of whose parameters must be parameters of {@code model}. */
    public static OptimizerState of(Optimizer optimizer, Module model) {
        Map<Parameter, String> names = new IdentityHashMap<>();
        model.namedParameters().forEach((name, parameter) -> names.putIfAbsent(parameter, name));
        List<String> ordered = new ArrayList<>();
        List<Parameter> parameters = optimizer.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            String name = names.get(parameters.get(i));
            if (name == null) {
                throw new IllegalArgumentException("OptimizerState: the optimizer's parameter " + i + " (shape "
                        + Shape.format(parameters.get(i).shape()) + ") is not a parameter of the model");
            }
            ordered.add(name);
        }
        return new OptimizerState(optimizer.getClass().getName(), ordered, optimizer.stateDict());
    }

    /** The first of {@link #parameters()} that {@code model} lacks, as a problem, or {@code null} if none. */
    String unknownParameter(Module model) {
        Map<String, Parameter> known = model.namedParameters();
        for (int i = 0; i < parameters.size(); i++) {
            if (!known.containsKey(parameters.get(i))) {
                return "the optimizer's parameter " + i + ", '" + parameters.get(i) + "', is not a parameter of the"
                        + " model";
            }
        }
        return null;
    }
}
