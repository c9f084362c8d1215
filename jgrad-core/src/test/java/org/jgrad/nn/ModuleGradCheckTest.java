package org.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/** {@link ModuleGradCheck} finds wrong parameter gradients, handles noise and leaves the module as it was. */
class ModuleGradCheckTest {

    /** {@code y = x ⊙ scale}, where the gradient to {@code scale} is cut when {@code broken}. */
    private static final class Scale extends Module {

        private final Parameter scale;
        private final boolean broken;

        Scale(boolean broken) {
            this.scale = registerParameter("scale", new Parameter(Tensor.of(new float[] {0.5f, -2, 3})));
            this.broken = broken;
        }

        @Override
        protected Tensor compute(Tensor input) {
            return input.mul(broken ? scale.value().detach() : scale.value());
        }
    }

    @Test
    void findsAParameterWhoseGradientIsWrong() {
        Tensor x = Tensor.randn(new Rng(1), DType.FLOAT64, 4, 3);
        assertTrue(ModuleGradCheck.check(new Scale(false), x).passes(ModuleGradCheck.TOLERANCE));
        var result = ModuleGradCheck.check(new Scale(true), x);
        assertFalse(result.passes(ModuleGradCheck.TOLERANCE));
        assertEquals("scale", result.name());
        assertEquals(0, result.worst().analytical());
        assertTrue(result.toString().startsWith("scale at ["), result.toString());
    }

    @Test
    void leavesTheModuleAsItWas() {
        Linear layer = new Linear(3, 2);
        List<Parameter> parameters = layer.parameters();
        List<Tensor> values = parameters.stream().map(Parameter::value).toList();
        float[] weight = layer.weight().value().toFloatArray();
        ModuleGradCheck.assertPasses(layer, Tensor.randn(new Rng(2), DType.FLOAT64, 2, 3));
        ModuleGradCheck.assertPasses(layer.weightNoise(0.3), Tensor.randn(new Rng(3), DType.FLOAT64, 2, 3), 4);
        for (int i = 0; i < parameters.size(); i++) {
            assertSame(values.get(i), parameters.get(i).value());
            assertEquals(DType.FLOAT32, parameters.get(i).value().dtype());
        }
        assertArrayEquals(weight, layer.weight().value().toFloatArray());
    }

    @Test
    void noiseWithoutASeedFailsTheCheck() {
        // Fresh weight noise at every evaluation breaks the finite differences: why the seeded variant exists.
        Linear noisy = new Linear(3, 2).weightNoise(0.3);
        assertFalse(ModuleGradCheck.check(noisy, Tensor.randn(new Rng(5), DType.FLOAT64, 2, 3))
                .passes(ModuleGradCheck.TOLERANCE));
    }
}
