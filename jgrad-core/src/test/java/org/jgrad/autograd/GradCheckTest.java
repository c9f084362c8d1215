package org.jgrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/** {@link GradCheck} accepts right gradients and catches a wrong backward rule, naming where. */
class GradCheckTest {

    private static final double TOLERANCE = 1e-6;

    /** {@code x²}, whose backward rule is right ({@code factor} 2) or deliberately wrong. */
    private static final class Square extends Function {
        private final double factor;

        Square(Tensor x, double factor) {
            super(x);
            this.factor = factor;
        }

        @Override
        protected Tensor forward() {
            Tensor x = input(0).detach();
            return x.mul(x);
        }

        @Override
        protected Tensor[] backward(Tensor g) {
            return new Tensor[] {g.mul(input(0)).mul(factor)};
        }
    }

    private static Tensor square(Tensor x) {
        return new Square(x, 2).apply();
    }

    /** Backward returns twice the right gradient. */
    private static Tensor wrongSquare(Tensor x) {
        return new Square(x, 4).apply();
    }

    @Test
    void correctFunctionsPass() {
        Rng rng = new Rng(1);
        Tensor a = Tensor.randn(rng, DType.FLOAT64, 3, 1);
        Tensor b = Tensor.randn(rng, DType.FLOAT64, 4);
        GradCheck.Result broadcast = GradCheck.check(xs -> xs[0].mul(xs[1]).add(xs[0]), a, b);
        assertTrue(broadcast.passes(TOLERANCE), broadcast.toString());

        Tensor m = Tensor.randn(rng, DType.FLOAT64, 2, 3);
        Tensor n = Tensor.randn(rng, DType.FLOAT64, 3, 2);
        GradCheck.Result product = GradCheck.check(xs -> xs[0].matmul(xs[1]).tanh(), m, n);
        assertTrue(product.passes(TOLERANCE), product.toString());

        GradCheck.Result custom = GradCheck.check(xs -> square(xs[0]), Tensor.randn(rng, DType.FLOAT64, 5));
        assertTrue(custom.passes(TOLERANCE), custom.toString());
        assertEquals(custom.numerical(), custom.analytical(), 1e-6 * Math.max(1, Math.abs(custom.numerical())));
    }

    @Test
    void float32InputsAreCheckedInFloat64() {
        Tensor x = Tensor.of(new float[] {0.3f, -1.2f, 2.0f});
        GradCheck.Result r = GradCheck.check(xs -> xs[0].exp().mul(xs[0]), x);
        assertTrue(r.passes(TOLERANCE), r.toString());
        assertEquals(DType.FLOAT32, x.dtype(), "the caller's tensor is left alone");
        assertFalse(x.isRequiresGrad());
    }

    @Test
    void aBackwardThatIsTwiceTooLargeFails() {
        Tensor x = Tensor.of(new double[] {1.5, -2.0, 3.0, 0.7});
        GradCheck.Result r = GradCheck.check(xs -> wrongSquare(xs[0]), x);
        assertFalse(r.passes(TOLERANCE), r.toString());
        assertTrue(r.error() > 0.1, r.toString());
        assertEquals(2 * r.numerical(), r.analytical(), 1e-6 * Math.abs(r.analytical()));
        assertEquals(0, r.input());
        assertEquals(1, r.index().length);
        assertTrue(r.toString().startsWith("input 0 at " + Arrays.toString(r.index()) + ": numerical="), r.toString());
        assertTrue(r.toString().contains("analytical=" + r.analytical()), r.toString());
    }

    @Test
    void theFailureNamesTheRightInputAndAMatrixIndex() {
        Tensor a = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
        Tensor b = Tensor.of(new double[] {0.5, -1.5, 2.5, -3.5}, 2, 2);
        GradCheck.Result r = GradCheck.check(xs -> xs[0].mul(wrongSquare(xs[1])), a, b);
        assertFalse(r.passes(TOLERANCE), r.toString());
        assertEquals(1, r.input());
        assertEquals(2, r.index().length);
        int i = r.index()[0];
        int j = r.index()[1];
        assertEquals(2 * r.numerical(), r.analytical(), 1e-6 * Math.abs(r.analytical()));
        assertTrue(r.toString().startsWith("input 1 at [" + i + ", " + j + "]: numerical="), r.toString());
    }

    @Test
    void integerInputsArePassedThroughUnchanged() {
        Tensor x = Tensor.of(new double[] {10, 20, 30});
        Tensor index = Tensor.of(new long[] {2, 0, 2, 1});
        AtomicReference<Tensor> seen = new AtomicReference<>();
        GradCheck.Result r = GradCheck.check(xs -> {
            seen.set(xs[1]);
            return xs[0].indexSelect(0, xs[1]).mul(xs[0].indexSelect(0, xs[1]));
        }, x, index);
        assertSame(index, seen.get());
        assertArrayEquals(new long[] {2, 0, 2, 1}, index.toLongArray());
        assertEquals(0, r.input());
        assertTrue(r.passes(TOLERANCE), r.toString());
    }

    @Test
    void aFunctionThatIgnoresAnInputGetsZeroGradientForIt() {
        GradCheck.Result r = GradCheck.check(xs -> xs[0].mul(2.0),
                Tensor.of(new double[] {1, 2}), Tensor.of(new double[] {3}));
        assertTrue(r.passes(TOLERANCE), r.toString());
    }

    @Test
    void nothingToDifferentiateIsAnError() {
        assertThrows(IllegalArgumentException.class,
                () -> GradCheck.check(xs -> xs[0].mul(2), Tensor.of(new long[] {1, 2})));
        assertThrows(IllegalArgumentException.class,
                () -> GradCheck.check(xs -> xs[0].detach().mul(2.0), Tensor.of(new double[] {1, 2})));
    }

    @Test
    void resultPassesComparesTheScaledError() {
        GradCheck.Result r = new GradCheck.Result(0, new int[] {1}, 100.0, 100.001, 1e-3, 1e-5, 1e-5);
        assertTrue(r.passes(1e-5));
        assertFalse(r.passes(1e-6));
        assertEquals("input 0 at [1]: numerical=100.0, analytical=100.001 (absolute error 0.001, relative error 1.0E-5)",
                r.toString());
    }
}
