package org.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.nn.Parameter;
import org.junit.jupiter.api.Test;

/**
 * {@link ClipGrad} against PyTorch's {@code clip_grad_norm_} and {@code clip_grad_value_} on the
 * gradients of the reference problem, and its handling of missing and shared gradients.
 */
class ClipGradTest {

    private static ReferenceProblem problemWithGradients(String name) {
        var problem = new ReferenceProblem();
        problem.backward();
        ReferenceProblem.assertMatches(name + ".grad.weight", problem.weight.grad());
        ReferenceProblem.assertMatches(name + ".grad.bias", problem.bias.grad());
        return problem;
    }

    private static void assertClipped(String name, ReferenceProblem problem) {
        ReferenceProblem.assertMatches(name + ".clipped.weight", problem.weight.grad());
        ReferenceProblem.assertMatches(name + ".clipped.bias", problem.bias.grad());
    }

    @Test
    void byNormScalesToTheMaximumAndReturnsTheNormBefore() {
        var problem = problemWithGradients("clip_norm");
        double norm = ClipGrad.byNorm(problem.parameters, 0.1);
        ReferenceProblem.assertMatches("clip_norm.norm", Tensor.scalar(norm, DType.FLOAT64));
        assertClipped("clip_norm", problem);
        assertEquals(0.1, ClipGrad.totalNorm(problem.parameters, 2), 1e-6);
    }

    @Test
    void byNormLeavesSmallGradientsAlone() {
        var problem = problemWithGradients("clip_norm_unchanged");
        double norm = ClipGrad.byNorm(problem.parameters, 100);
        ReferenceProblem.assertMatches("clip_norm_unchanged.norm", Tensor.scalar(norm, DType.FLOAT64));
        assertClipped("clip_norm_unchanged", problem);
    }

    @Test
    void byInfinityNorm() {
        var problem = problemWithGradients("clip_norm_inf");
        double norm = ClipGrad.byNorm(problem.parameters, 0.05, Double.POSITIVE_INFINITY);
        ReferenceProblem.assertMatches("clip_norm_inf.norm", Tensor.scalar(norm, DType.FLOAT64));
        assertClipped("clip_norm_inf", problem);
    }

    @Test
    void byValue() {
        var problem = problemWithGradients("clip_value");
        ClipGrad.byValue(problem.parameters, 0.05);
        assertClipped("clip_value", problem);
    }

    @Test
    void skipsParametersWithoutGradientAndScalesSharedGradientsOnce() {
        var a = new Parameter(Tensor.of(new double[] {1, 2}));
        var b = new Parameter(Tensor.of(new double[] {3, 4}));
        var none = new Parameter(Tensor.of(new double[] {5}));
        Tensor shared = Tensor.of(new double[] {3, 4});
        a.value().setGrad(shared);
        b.value().setGrad(shared);
        double norm = ClipGrad.byNorm(List.of(a, b, none), 1);
        assertEquals(Math.sqrt(50), norm, 1e-12);
        double scale = 1 / (Math.sqrt(50) + 1e-6);
        assertArrayEquals(new double[] {3 * scale, 4 * scale}, a.grad().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {3 * scale, 4 * scale}, b.grad().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {3, 4}, shared.toDoubleArray());
        assertNull(none.grad());
        assertEquals(0, ClipGrad.totalNorm(List.of(none), 2));
    }

    @Test
    void rejectsBadArguments() {
        List<Parameter> p = List.of(new Parameter(Tensor.zeros(2)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClipGrad.byNorm(p, -1)).getMessage()
                .contains("ClipGrad.byNorm: max norm must be positive, got -1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClipGrad.byValue(p, 0)).getMessage()
                .contains("ClipGrad.byValue: clip value must be positive, got 0.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClipGrad.byNorm(p, 1, 0)).getMessage()
                .contains("norm type must be positive or infinity, got 0.0"));
    }
}
