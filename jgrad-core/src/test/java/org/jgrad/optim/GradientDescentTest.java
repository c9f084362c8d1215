package org.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgrad.Tensor;
import org.jgrad.nn.Parameter;
import org.junit.jupiter.api.Test;

/**
 * {@link GradientDescent} on least squares, {@code L(a, b) = mean((a·x + b − y)²)}, whose
 * minimizer has the closed form {@code a = cov(x, y) / var(x)}, {@code b = ȳ − a·x̄}; and its
 * failure with {@link NotConvergedException} on a small budget or a diverging rate.
 */
class GradientDescentTest {

    private static final Pattern MESSAGE = Pattern.compile(
            "GradientDescent: not converged in (\\d+) iterations \\(last loss (\\S+), gradient norm (\\S+)\\)");
    private static final int N = 20;

    private final double[] x = new double[N];
    private final double[] y = new double[N];
    private final Parameter line = new Parameter(Tensor.of(new double[] {0, 0}));

    GradientDescentTest() {
        for (int i = 0; i < N; i++) {
            x[i] = -1 + 2.0 * i / (N - 1) + 0.3;
            y[i] = 2 * x[i] - 1 + 0.1 * Math.sin(3 * i);
        }
    }

    private Tensor loss() {
        Tensor a = line.value().select(0, 0);
        Tensor b = line.value().select(0, 1);
        Tensor error = Tensor.of(x).mul(a).add(b).sub(Tensor.of(y));
        return error.mul(error).mean();
    }

    private double[] closedForm() {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < N; i++) {
            mx += x[i] / N;
            my += y[i] / N;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < N; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double a = sxy / sxx;
        return new double[] {a, my - a * mx};
    }

    @Test
    void convergesOnTheLossChangeToTheLeastSquaresSolution() {
        var result = GradientDescent.minimize(List.of(line), this::loss, 0.3, 1e-15, 10_000);
        assertClosedForm(1e-6);
        assertTrue(result.iterations() > 1 && result.iterations() < 10_000, result.toString());
        assertEquals(loss().item(), result.loss(), 0);
    }

    @Test
    void convergesOnTheGradientNorm() {
        var result = GradientDescent.minimize(List.of(line), this::loss, 0.3, 1e-10, 10_000,
                GradientDescent.Criterion.GRADIENT_NORM);
        assertClosedForm(1e-9);
        assertTrue(result.gradientNorm() < 1e-10, result.toString());
        var again = GradientDescent.minimize(List.of(line), this::loss, 0.3, 1e-10, 10_000,
                GradientDescent.Criterion.GRADIENT_NORM);
        assertEquals(0, again.iterations(), "a start at the minimum needs no update");
    }

    @Test
    void failsWhenTheBudgetIsTooSmall() {
        var e = assertThrows(NotConvergedException.class,
                () -> GradientDescent.minimize(List.of(line), this::loss, 0.3, 1e-15, 3));
        Matcher m = matchMessage(e);
        assertEquals("3", m.group(1));
        assertEquals(3, e.iterations());
        assertEquals(loss().item(), e.loss(), 0);
        assertEquals(Double.toString(e.loss()), m.group(2));
        assertEquals(Double.toString(e.gradientNorm()), m.group(3));
    }

    @Test
    void failsWhenTheLearningRateDiverges() {
        var e = assertThrows(NotConvergedException.class,
                () -> GradientDescent.minimize(List.of(line), this::loss, 5, 1e-12, 100_000));
        Matcher m = matchMessage(e);
        assertTrue(e.iterations() < 100_000, "stops once the loss is no longer finite");
        assertEquals(Integer.toString(e.iterations()), m.group(1));
        assertTrue(!Double.isFinite(e.loss()), e.getMessage());
    }

    @Test
    void rejectsBadArguments() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> GradientDescent.minimize(List.of(line), this::loss, -0.1, 1e-6, 10));
        assertEquals("GradientDescent: learning rate must be positive, got -0.1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GradientDescent.minimize(List.of(line), this::loss, 0.1, 0, 10));
        assertEquals("GradientDescent: tolerance must be positive, got 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GradientDescent.minimize(List.of(line), this::loss, 0.1, 1e-6, 0));
        assertEquals("GradientDescent: maximum number of iterations must be positive, got 0", e.getMessage());
    }

    private void assertClosedForm(double tolerance) {
        double[] expected = closedForm();
        double[] actual = line.value().toDoubleArray();
        assertEquals(expected[0], actual[0], tolerance);
        assertEquals(expected[1], actual[1], tolerance);
    }

    private static Matcher matchMessage(NotConvergedException e) {
        Matcher m = MESSAGE.matcher(e.getMessage());
        assertTrue(m.matches(), e.getMessage());
        return m;
    }
}
