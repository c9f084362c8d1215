package org.jgrad.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.function.UnaryOperator;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Exact gradients where an op is not differentiable, as documented on {@link Tensor} and the
 * op classes: finite differences cannot check these, so the chosen subgradients are pinned here.
 */
class KinkTest {

    private static Tensor leaf(double... values) {
        return Tensor.of(values).requiresGrad();
    }

    /** The gradient of {@code sum(f(x))} at {@code x}. */
    private static double[] gradOfSum(UnaryOperator<Tensor> f, double... x) {
        Tensor input = leaf(x);
        f.apply(input).sum().backward();
        return input.grad().toDoubleArray();
    }

    @Test
    void reluHasSubgradientZeroAtZero() {
        assertArrayEquals(new double[] {0, 0, 1}, gradOfSum(Tensor::relu, -1, 0, 2));
        assertArrayEquals(new double[] {0, 0, 2}, leaf(-1, 0, 2).relu().toDoubleArray());
    }

    @Test
    void absHasSubgradientZeroAtZero() {
        assertArrayEquals(new double[] {-1, 0, 1}, gradOfSum(Tensor::abs, -2, 0, 3));
    }

    @Test
    void signHasGradientZeroEverywhere() {
        assertArrayEquals(new double[] {0, 0, 0}, gradOfSum(Tensor::sign, -2, 0, 3));
        assertArrayEquals(new double[] {-1, 0, 1}, leaf(-2, 0, 3).sign().toDoubleArray());
    }

    @Test
    void maximumAndMinimumSplitTiesEvenly() {
        Tensor a = leaf(1, 2, 3);
        Tensor b = leaf(1, 0, 3);
        a.maximum(b).sum().backward();
        assertArrayEquals(new double[] {0.5, 1, 0.5}, a.grad().toDoubleArray());
        assertArrayEquals(new double[] {0.5, 0, 0.5}, b.grad().toDoubleArray());

        Tensor c = leaf(1, 2, 3);
        Tensor d = leaf(1, 0, 3);
        c.minimum(d).sum().backward();
        assertArrayEquals(new double[] {0.5, 0, 0.5}, c.grad().toDoubleArray());
        assertArrayEquals(new double[] {0.5, 1, 0.5}, d.grad().toDoubleArray());
    }

    @Test
    void maximumTiesSplitAcrossBroadcasting() {
        Tensor a = Tensor.scalar(2.0, DType.FLOAT64).requiresGrad();
        Tensor b = leaf(2, 1, 3);
        a.maximum(b).sum().backward();
        assertArrayEquals(new double[] {1.5}, new double[] {a.grad().item()});
        assertArrayEquals(new double[] {0.5, 0, 1}, b.grad().toDoubleArray());
    }

    @Test
    void amaxAndAminShareTiesEvenly() {
        assertArrayEquals(new double[] {0, 0.5, 0.5}, gradOfSum(x -> x.amax(new int[0], false), 1, 3, 3));
        assertArrayEquals(new double[] {0, 0.5, 0.5, 0}, gradOfSum(x -> x.amin(new int[0], false), 2, 1, 1, 5));
        assertArrayEquals(new double[] {0, 0.5, 0.5}, gradOfSum(Tensor::max, 1, 3, 3));
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, gradOfSum(Tensor::min, 4, 4, 4));
    }

    @Test
    void amaxSharesTiesWithinEachReducedSlice() {
        Tensor x = Tensor.of(new double[] {1, 3, 3, 4, 4, 4}, 2, 3).requiresGrad();
        x.amax(new int[] {1}, false).sum().backward();
        double third = 1.0 / 3;
        assertArrayEquals(new double[] {0, 0.5, 0.5, third, third, third}, x.grad().toDoubleArray());
    }

    @Test
    void maxAlongADimensionGivesTiesToTheFirstIndex() {
        Tensor x = Tensor.of(new double[] {1, 3, 3, 4, 4, 4}, 2, 3).requiresGrad();
        var max = x.max(1, false);
        assertArrayEquals(new long[] {1, 0}, max.indices().toLongArray());
        max.values().sum().backward();
        assertArrayEquals(new double[] {0, 1, 0, 1, 0, 0}, x.grad().toDoubleArray());

        Tensor y = Tensor.of(new double[] {2, 1, 1, 1}, 2, 2).requiresGrad();
        var min = y.min(0, true);
        assertArrayEquals(new long[] {1, 0}, min.indices().toLongArray());
        min.values().sum().backward();
        assertArrayEquals(new double[] {0, 1, 1, 0}, y.grad().toDoubleArray());
    }

    @Test
    void clampPassesTheGradientAtItsBounds() {
        assertArrayEquals(new double[] {0, 1, 1, 1, 0},
                gradOfSum(x -> x.clamp(-0.5, 0.5), -1, -0.5, 0, 0.5, 1));
        assertArrayEquals(new double[] {0, 1, 1},
                gradOfSum(x -> x.clamp(0, Double.POSITIVE_INFINITY), -1, 0, 2));
        assertArrayEquals(new double[] {1, 1, 0},
                gradOfSum(x -> x.clamp(Double.NEGATIVE_INFINITY, 0.25), -1, 0.25, 2));
    }

    @Test
    void powToTheZeroIsFlatEvenAtZero() {
        // d/da a⁰ = 0 everywhere, as in PyTorch; 0 · 0⁻¹ must not leak a NaN.
        assertArrayEquals(new double[] {0, 0, 0}, gradOfSum(x -> x.pow(0.0), 0, 2, -1));
        Tensor a = leaf(0, 0, 2);
        Tensor b = leaf(2, 0, 1);
        a.pow(b).sum().backward();
        assertArrayEquals(new double[] {0, 0, 1}, a.grad().toDoubleArray());
        assertArrayEquals(new double[] {0, 0, 2 * Math.log(2)}, b.grad().toDoubleArray(), 1e-15);
    }

    @Test
    void softmaxGivesMaskedEntriesZeroProbabilityAndZeroGradient() {
        Tensor x = leaf(0, Double.NEGATIVE_INFINITY, 1);
        Tensor p = x.softmax(0);
        p.mul(Tensor.of(new double[] {1, 2, 3})).sum().backward();
        double e = Math.exp(1);
        assertArrayEquals(new double[] {1 / (1 + e), 0, e / (1 + e)}, p.toDoubleArray(), 1e-15);
        double[] grad = x.grad().toDoubleArray();
        assertArrayEquals(new double[] {-2 * e / ((1 + e) * (1 + e)), 0, 2 * e / ((1 + e) * (1 + e))}, grad, 1e-15);
    }

    @Test
    void whereSendsNoGradientToTheUnchosenBranch() {
        Tensor a = leaf(1, 2, 3);
        Tensor b = leaf(4, 5, 6);
        Tensor.where(Tensor.of(new double[] {1, 0, 1}), a, b).sum().backward();
        assertArrayEquals(new double[] {1, 0, 1}, a.grad().toDoubleArray());
        assertArrayEquals(new double[] {0, 1, 0}, b.grad().toDoubleArray());
    }
}
