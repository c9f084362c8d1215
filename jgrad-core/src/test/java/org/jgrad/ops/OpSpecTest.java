package org.jgrad.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jgrad.DType;
import org.jgrad.IndexedValues;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.autograd.GradCheck;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Runs the op-spec table: every differentiable op of {@link Tensor} on every sample, forward
 * in float64 and float32 against an independent reference, and backward against central
 * differences with {@link GradCheck}. A coverage test keeps the table complete.
 */
class OpSpecTest {

    /** Every row of the table. */
    static List<OpSpec> specs() {
        return Stream.of(ElementwiseSpecs.all(), ReductionSpecs.all(), LayoutSpecs.all(), IndexingSpecs.all())
                .flatMap(List::stream).toList();
    }

    /**
     * Public {@code Tensor} methods that need no row, with the reason. Everything else that
     * returns a {@code Tensor}, a list of them or {@link IndexedValues} must have one.
     */
    static final Map<String, String> EXCLUDED = Map.ofEntries(
            Map.entry("fromStorage", "creation from raw storage"),
            Map.entry("of", "creation"),
            Map.entry("scalar", "creation"),
            Map.entry("zeros", "creation"),
            Map.entry("ones", "creation"),
            Map.entry("full", "creation"),
            Map.entry("eye", "creation"),
            Map.entry("arange", "creation"),
            Map.entry("linspace", "creation"),
            Map.entry("rand", "creation (random)"),
            Map.entry("randn", "creation (random)"),
            Map.entry("uniform", "creation (random)"),
            Map.entry("bernoulli", "creation (random)"),
            Map.entry("zerosLike", "creation"),
            Map.entry("onesLike", "creation"),
            Map.entry("requiresGrad", "autograd flag, returns this"),
            Map.entry("retainGrad", "autograd flag, returns this"),
            Map.entry("grad", "accessor of the accumulated gradient"),
            Map.entry("detach", "cuts the graph by definition"),
            Map.entry("withGradFn", "graph recording, called by Function.apply"),
            Map.entry("claimGradBuffer", "gradient buffer for backward rules, tested in GradientBufferReuseTest"),
            Map.entry("copyFrom", "in-place write for loading and updating parameters; refuses to run while a graph records"),
            Map.entry("eq", "comparison: no gradient; forward in NonDifferentiableOpsTest"),
            Map.entry("ne", "comparison: no gradient; forward in NonDifferentiableOpsTest"),
            Map.entry("lt", "comparison: no gradient; forward in NonDifferentiableOpsTest"),
            Map.entry("le", "comparison: no gradient; forward in NonDifferentiableOpsTest"),
            Map.entry("gt", "comparison: no gradient; forward in NonDifferentiableOpsTest"),
            Map.entry("ge", "comparison: no gradient; forward in NonDifferentiableOpsTest"),
            Map.entry("argmax", "int64 indices: no gradient; forward in NonDifferentiableOpsTest"),
            Map.entry("argmin", "int64 indices: no gradient; forward in NonDifferentiableOpsTest"));

    @TestFactory
    Stream<DynamicNode> opSpecs() {
        return specs().stream().map(spec -> DynamicContainer.dynamicContainer(spec.label(),
                IntStream.range(0, spec.samples().size()).mapToObj(i -> sampleTests(spec, i))));
    }

    private static DynamicNode sampleTests(OpSpec spec, int i) {
        Samples.Sample sample = spec.samples().get(i);
        long seed = 31L * spec.label().hashCode() + i;
        String where = spec.label() + " (" + sample + ")";
        return DynamicContainer.dynamicContainer("(" + sample + ")", Stream.of(
                named("forward float64", where,
                        () -> checkForward(spec, sample, new Rng(seed), DType.FLOAT64, spec.tol64())),
                named("forward float32", where,
                        () -> checkForward(spec, sample, new Rng(seed), DType.FLOAT32, spec.tol32())),
                named("gradient", where, () -> checkGradient(spec, sample, new Rng(seed)))));
    }

    /** A test whose failure names the row and sample, since reports may show only indices. */
    private static DynamicTest named(String check, String where, Executable body) {
        return DynamicTest.dynamicTest(check, () -> {
            try {
                body.execute();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(where + " " + check + ": " + e.getMessage(), e);
            }
        });
    }

    private static void checkForward(OpSpec spec, Samples.Sample sample, Rng rng, DType dtype, double tolerance) {
        Tensor[] inputs = sample.views(sample.bases(rng, dtype));
        Nd expected = spec.reference().apply(Arrays.stream(inputs).map(Nd::of).toArray(Nd[]::new));
        Tensor actual = spec.function().apply(inputs);
        assertArrayEquals(expected.shape(), actual.shape(), () -> "shape of " + spec.label() + " at " + sample);
        assertEquals(spec.output() == null ? dtype : spec.output(), actual.dtype(), "dtype");
        assertClose(expected.data(), actual.toDoubleArray(), expected.shape(), tolerance);
    }

    private static void checkGradient(OpSpec spec, Samples.Sample sample, Rng rng) {
        Tensor[] bases = sample.bases(rng, DType.FLOAT64);
        GradCheck.Result result = GradCheck.check(xs -> spec.function().apply(sample.views(xs)), spec.epsilon(),
                bases);
        assertTrue(result.passes(OpSpec.GRAD_TOL), result::toString);
    }

    /** {@code |a − e| ≤ tolerance · (1 + |e|)} element by element (NumPy's allclose with atol = rtol). */
    static void assertClose(double[] expected, double[] actual, int[] shape, double tolerance) {
        assertEquals(expected.length, actual.length, "number of elements");
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            boolean same = Double.compare(e, a) == 0 || Math.abs(a - e) <= tolerance * (1 + Math.abs(e));
            if (!same) {
                fail("at " + Arrays.toString(Nd.unravel(i, shape)) + ": expected " + e + ", got " + a
                        + " (error " + Math.abs(a - e) / (1 + Math.abs(e)) + " > " + tolerance + ")");
            }
        }
    }

    @Test
    void everyDifferentiableTensorMethodHasASpec() {
        Set<String> covered = specs().stream().map(OpSpec::name).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(opMethodNames());
        missing.removeAll(covered);
        missing.removeAll(EXCLUDED.keySet());
        assertTrue(missing.isEmpty(), "Tensor methods without an OpSpec (add a row, or exclude them with a reason): "
                + missing);
    }

    @Test
    void specAndExclusionNamesAreRealTensorMethods() {
        Set<String> names = opMethodNames();
        Set<String> unknown = new TreeSet<>(specs().stream().map(OpSpec::name).toList());
        unknown.addAll(EXCLUDED.keySet());
        unknown.removeAll(names);
        assertTrue(unknown.isEmpty(), "names that are not public Tensor methods returning tensors: " + unknown);
        Set<String> both = new TreeSet<>(EXCLUDED.keySet());
        both.retainAll(specs().stream().map(OpSpec::name).toList());
        assertTrue(both.isEmpty(), "names both excluded and specified: " + both);
    }

    @Test
    void labelsAreUnique() {
        List<String> labels = specs().stream().map(OpSpec::label).toList();
        assertEquals(labels.size(), Set.copyOf(labels).size(), "duplicate labels in " + labels);
    }

    /** Public methods of {@code Tensor}, instance and static, that return tensors. */
    private static Set<String> opMethodNames() {
        return Arrays.stream(Tensor.class.getMethods())
                .filter(m -> m.getDeclaringClass() == Tensor.class && Modifier.isPublic(m.getModifiers()))
                .filter(OpSpecTest::returnsTensors)
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean returnsTensors(Method m) {
        Class<?> type = m.getReturnType();
        boolean tensorList = List.class.isAssignableFrom(type)
                && m.getGenericReturnType().getTypeName().contains(Tensor.class.getName());
        return type == Tensor.class || type == IndexedValues.class || tensorList;
    }
}
