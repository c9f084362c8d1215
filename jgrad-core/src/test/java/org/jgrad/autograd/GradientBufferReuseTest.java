package org.jgrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.autograd.ops.Kernels;
import org.jgrad.backend.Storage;
import org.junit.jupiter.api.Test;

/**
 * Backward passes recycle their arrays into the next pass and {@code zeroGrad} keeps gradient
 * buffers for the next backward to write into: what is reused must never be something a caller
 * can still see, and the numbers must not change.
 */
class GradientBufferReuseTest {

    private static Tensor randomLeaf(Rng rng, int... shape) {
        return Tensor.randn(rng, shape).requiresGrad();
    }

    @Test
    void aGradientLeftOnALeafIsNotReusedByALaterPass() {
        Rng rng = new Rng(1);
        Tensor a = randomLeaf(rng, 64, 32);
        Tensor b = randomLeaf(rng, 64, 32);
        a.mul(a).mul(0.5).sum().backward();
        float[] expected = a.toFloatArray();
        longChain(b).backward();
        assertArrayEquals(expected, a.grad().toFloatArray(), "d(a²/2)/da = a, untouched by b's pass");
    }

    @Test
    void aGradientLeftByABackwardRunInsideAnotherOutlivesBoth() {
        Rng rng = new Rng(5);
        Tensor inner = randomLeaf(rng, 64, 32);
        Tensor outer = randomLeaf(rng, 64, 32);
        Function innerBackward = new Function(outer) {
            @Override
            protected Tensor forward() {
                return input(0).detach();
            }

            @Override
            protected Tensor[] backward(Tensor gradOutput) {
                try (var recording = GradMode.enableGrad()) {
                    inner.mul(inner).mul(0.5).sum().backward();
                }
                return new Tensor[] {gradOutput};
            }
        };
        innerBackward.apply().mul(2.0).sum().backward();
        float[] expected = inner.toFloatArray();
        longChain(outer).backward();
        assertArrayEquals(expected, inner.grad().toFloatArray(), "d(a²/2)/da = a, untouched by a later pass");
    }

    @Test
    void zeroGradKeepsTheBufferAndTheNextBackwardWritesTheSameValuesAsAFreshOne() {
        Rng rng = new Rng(2);
        Tensor w = randomLeaf(rng, 16, 8);
        Tensor x = Tensor.randn(rng, 4, 16);
        x.matmul(w).relu().sum().backward();
        Tensor first = w.grad();
        float[] expected = first.toFloatArray();
        w.zeroGrad();
        assertNull(w.grad(), "zeroGrad still forgets the gradient");
        x.matmul(w).relu().sum().backward();
        assertSame(first.storage(), w.grad().storage(), "the kept buffer is written into");
        assertArrayEquals(expected, w.grad().toFloatArray());
    }

    @Test
    void aGradientTheCallerSetIsNeverWrittenInto() {
        Rng rng = new Rng(3);
        Tensor w = randomLeaf(rng, 5);
        Tensor mine = Tensor.full(7.0, 5);
        w.setGrad(mine);
        w.zeroGrad();
        w.mul(2.0).sum().backward();
        assertArrayEquals(new float[] {7, 7, 7, 7, 7}, mine.toFloatArray());
        assertArrayEquals(new float[] {2, 2, 2, 2, 2}, w.grad().toFloatArray());
    }

    @Test
    void aBackwardRuleGetsTheKeptBufferOncePerPass() {
        Rng rng = new Rng(6);
        Tensor w = randomLeaf(rng, 6, 4);
        List<Tensor> offered = new ArrayList<>();
        new Claimer(w, offered).apply().mul(3.0).sum().backward();
        Tensor first = w.grad();
        w.zeroGrad();
        new Claimer(w, offered).apply().mul(5.0).sum().backward();
        assertNull(offered.get(0), "no buffer before the first gradient");
        assertSame(first, offered.get(2), "after zeroGrad, the buffer the first backward left");
        assertNull(offered.get(3), "handed out once per pass");
        assertSame(first, w.grad());
        float[] fives = new float[24];
        java.util.Arrays.fill(fives, 5);
        assertArrayEquals(fives, w.grad().toFloatArray(), 0f, "d(5·Σw)/dw");
    }

    @Test
    void weightsUsedTwiceOrAsTheirOwnInputGetTheSameGradientsAsFreshOnes() {
        Rng rng = new Rng(7);
        Tensor w = randomLeaf(rng, 8, 8);
        Tensor x = Tensor.randn(rng, 5, 8);
        for (int pass = 0; pass < 3; pass++) {
            w.zeroGrad();
            tiedAndSquared(x, w).backward();
            Tensor fresh = w.detach().clone().requiresGrad();
            tiedAndSquared(x, fresh).backward();
            assertArrayEquals(fresh.grad().toFloatArray(), w.grad().toFloatArray(), 0f, "pass " + pass);
        }
    }

    /** {@code w} in two dense layers, in a product with itself and in a plain product: each rule claims or not. */
    private static Tensor tiedAndSquared(Tensor x, Tensor w) {
        Tensor hidden = x.linearRelu(w).linear(w);
        return hidden.matmul(w).sum().add(w.matmul(w).tanh().sum());
    }

    /** A sum of sixteen products of {@code x}: its backward wants more arrays of x's size than any pass above left. */
    private static Tensor longChain(Tensor x) {
        Tensor y = x;
        for (int i = 0; i < 16; i++) {
            y = y.mul(1.01);
        }
        return y.sum();
    }

    @Test
    void aSecondPassComputesItsGradientsInTheFirstPassArrays() {
        Rng rng = new Rng(4);
        Tensor w = randomLeaf(rng, 32, 16);
        Tensor x = Tensor.randn(rng, 8, 32);
        List<Storage> seen = new ArrayList<>();
        for (int pass = 0; pass < 3; pass++) {
            w.zeroGrad();
            new Spy(x.matmul(w), seen).apply().tanh().sum().backward();
        }
        assertSame(seen.get(0), seen.get(1), "the gradient reaching the spy lives in the same array every pass");
        assertSame(seen.get(1), seen.get(2));
    }

    /** The identity, whose backward rule a test writes. */
    private abstract static class Identity extends Function {
        Identity(Tensor input) {
            super(input);
        }

        @Override
        protected Tensor forward() {
            return input(0).detach();
        }
    }

    /** The identity, remembering the storage of the gradient its backward receives. */
    private static final class Spy extends Identity {
        private final List<Storage> seen;

        Spy(Tensor input, List<Storage> seen) {
            super(input);
            this.seen = seen;
        }

        @Override
        protected Tensor[] backward(Tensor gradOutput) {
            seen.add(gradOutput.storage());
            return new Tensor[] {gradOutput};
        }
    }

    /** The identity, asking twice for its input's gradient buffer and writing the gradient into the first it gets. */
    private static final class Claimer extends Identity {
        private final List<Tensor> offered;

        Claimer(Tensor input, List<Tensor> offered) {
            super(input);
            this.offered = offered;
        }

        @Override
        protected Tensor[] backward(Tensor gradOutput) {
            Tensor buffer = gradientBuffer(0, DType.FLOAT32);
            offered.add(buffer);
            offered.add(gradientBuffer(0, DType.FLOAT32));
            if (buffer == null) {
                return new Tensor[] {gradOutput};
            }
            Kernels.copyInto(buffer, gradOutput);
            return new Tensor[] {buffer};
        }
    }
}
