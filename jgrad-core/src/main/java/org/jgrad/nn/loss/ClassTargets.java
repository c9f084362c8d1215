package org.jgrad.nn.loss;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * What the losses over class scores ({@link NLLLoss}, {@link CrossEntropyLoss}, {@link
 * MultiMarginLoss}) share: PyTorch's layout, where the input is {@code [N, C]}, {@code [N, C,
 * d1, …]} (one score vector per position, e.g. per pixel) or an unbatched {@code [C]}, the
 * classes lie along dimension 1 (0 when unbatched), and class-index targets have the input's
 * shape without that dimension.
 */
final class ClassTargets {

    private ClassTargets() {
    }

    /** The losses {@code −w_{y}·x_{y}} at every target position, and {@code Σ w_{y}}, their mean's divisor. */
    record Picked(Tensor losses, Tensor weightSum) {
    }

    /** The dimension that holds the classes: 1, or 0 for an unbatched input. */
    static int classDim(Loss loss, Tensor input) {
        if (input.dim() == 0) {
            throw new IllegalArgumentException(loss.name() + ": input must have a class dimension, got a scalar");
        }
        return input.dim() == 1 ? 0 : 1;
    }

    /**
     * Checks that {@code target} holds int64 class indices, one per score vector of the input,
     * each in {@code [0, C)}.
     */
    static void checkIndices(Loss loss, Tensor input, Tensor target) {
        int classDim = classDim(loss, input);
        int classes = input.size(classDim);
        int[] expected = withoutDim(input.shape(), classDim);
        if (target.dtype() != DType.INT64) {
            throw loss.targetError(input, target, "class indices must be int64, got " + target.dtype()
                    + (Arrays.equals(target.shape(), input.shape()) ? "" : " (probabilities need the input's shape)"));
        }
        if (!Arrays.equals(target.shape(), expected)) {
            throw loss.targetError(input, target, "class indices need shape " + Shape.format(expected));
        }
        long[] indices = target.toLongArray();
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= classes) {
                throw loss.targetError(input, target, "class index " + indices[i] + " at flat position " + i
                        + " is out of range [0, " + classes + ")");
            }
        }
    }

    /** The score of each target class, {@code x[n, y_n, …]}, without the class dimension; indices checked. */
    static Tensor pick(Tensor input, Tensor target, int classDim) {
        return input.gather(classDim, target.unsqueeze(classDim)).squeeze(classDim);
    }

    /**
     * The weighted negative log-likelihood {@code −w_{y}·logProbs[…, y, …]} at every target
     * position, with {@code w = 1} when {@code weight} is null; the caller checked indices and weights.
     */
    static Picked negativeLogLikelihood(Tensor logProbs, Tensor target, Tensor weight, int classDim) {
        Tensor losses = pick(logProbs, target, classDim).neg();
        if (weight == null) {
            return new Picked(losses, Tensor.scalar(losses.numel(), losses.dtype()));
        }
        Tensor targetWeights = weight.indexSelect(0, target.reshape(-1)).reshape(target.shape());
        return new Picked(losses.mul(targetWeights), targetWeights.sum());
    }

    /** Checks, when a loss is configured, that class weights are a floating-point vector; returns them detached. */
    static Tensor checkWeight(String loss, Tensor weight) {
        if (weight.dim() != 1 || !weight.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(loss + ": weight must be a floating-point vector with one weight per"
                    + " class, got " + weight.dtype() + " of shape " + Shape.format(weight.shape()));
        }
        return weight.detach();
    }

    /** Checks, for an input, that there is one class weight per class; a null weight passes. */
    static void checkWeight(Loss loss, Tensor weight, Tensor input) {
        int classes = input.size(classDim(loss, input));
        if (weight != null && weight.size(0) != classes) {
            throw new IllegalArgumentException(loss.name() + ": weight of shape " + Shape.format(weight.shape())
                    + " for input " + Shape.format(input.shape()) + ": need one weight per class (" + classes + ")");
        }
    }

    /** Class weights shaped {@code [1, C, 1, …]}: along the class dimension of a tensor of rank {@code rank}. */
    static Tensor alongClasses(Tensor weight, int rank, int classDim) {
        int[] shape = new int[rank];
        Arrays.fill(shape, 1);
        shape[classDim] = weight.size(0);
        return weight.reshape(shape);
    }

    private static int[] withoutDim(int[] shape, int dim) {
        int[] out = new int[shape.length - 1];
        for (int d = 0, j = 0; d < shape.length; d++) {
            if (d != dim) {
                out[j++] = shape[d];
            }
        }
        return out;
    }
}
