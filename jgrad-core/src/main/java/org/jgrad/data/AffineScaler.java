package org.jgrad.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * What the scalers share: {@code y = (x − shift) / scale} per feature, where {@code scale} is
 * the fitted spread, or 1 where the spread is 0 (a constant feature then maps to 0 instead of
 * dividing by zero), and a state of two named statistics.
 */
abstract class AffineScaler {

    private final String name;
    private final Map<String, Tensor> state;
    private final Tensor shift;
    private final Tensor scale;

    /** {@code state} holds the two fitted statistics, in order, from which {@code shift} and {@code spread} come. */
    AffineScaler(String name, Map<String, Tensor> state, Tensor shift, Tensor spread) {
        this.name = name;
        this.state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
        this.shift = shift;
        float[] scale = spread.toFloatArray();
        for (int j = 0; j < scale.length; j++) {
            scale[j] = scale[j] > 0 ? scale[j] : 1;
        }
        this.scale = Tensor.of(scale, spread.shape());
    }

    /** The scaled features; {@code features} has shape {@code [n, featureShape…]} (or just {@code featureShape}). */
    public Tensor transform(Tensor features) {
        check(features);
        return features.sub(shift.to(features.dtype())).div(scale.to(features.dtype()));
    }

    /** The features that {@link #transform(Tensor)} maps to {@code scaled}. */
    public Tensor inverseTransform(Tensor scaled) {
        check(scaled);
        return scaled.mul(scale.to(scaled.dtype())).add(shift.to(scaled.dtype()));
    }

    /** The fitted statistics, by name, each of the feature shape, for a model file. */
    public Map<String, Tensor> state() {
        return state;
    }

    private void check(Tensor features) {
        int[] shape = features.shape();
        int[] fitted = shift.shape();
        if (shape.length < fitted.length
                || !Arrays.equals(Arrays.copyOfRange(shape, shape.length - fitted.length, shape.length), fitted)) {
            throw new IllegalArgumentException(name + ": features of shape " + Shape.format(shape)
                    + " do not end with the fitted feature shape " + Shape.format(fitted));
        }
    }

    /** A state of two named tensors, in this order. */
    static Map<String, Tensor> state(String firstKey, Tensor first, String secondKey, Tensor second) {
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put(firstKey, first);
        state.put(secondKey, second);
        return state;
    }

    /**
     * The tensors {@code keys} of a saved state, checked: all present, floating point, finite,
     * and of one shape; returned as float32.
     */
    static Tensor[] fromState(String name, Map<String, Tensor> state, String... keys) {
        Tensor[] tensors = new Tensor[keys.length];
        for (int k = 0; k < keys.length; k++) {
            Tensor tensor = state.get(keys[k]);
            if (tensor == null) {
                throw new IllegalArgumentException(name + ".fromState: no '" + keys[k] + "' among "
                        + new TreeSet<>(state.keySet()));
            }
            if (!tensor.dtype().isFloatingPoint()) {
                throw new IllegalArgumentException(name + ".fromState: '" + keys[k] + "' must be floating point, got "
                        + tensor.dtype());
            }
            if (!Arrays.equals(tensor.shape(), state.get(keys[0]).shape())) {
                throw new IllegalArgumentException(name + ".fromState: '" + keys[0] + "' "
                        + Shape.format(state.get(keys[0]).shape()) + " and '" + keys[k] + "' "
                        + Shape.format(tensor.shape()) + " differ in shape");
            }
            for (double value : tensor.toDoubleArray()) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException(name + ".fromState: '" + keys[k] + "' holds " + value);
                }
            }
            tensors[k] = tensor.to(DType.FLOAT32);
        }
        return tensors;
    }
}
