package org.jgrad.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.autograd.Graph;

/**
 * The lecture decks' worked examples of backpropagation, computed live through the public API:
 * what {@code jgrad demo} prints, and what the tests check against the published numbers.
 */
public final class WorkedExamples {

    private WorkedExamples() {
    }

    /** One example: where it comes from, what it computes, and the named values it found. */
    public record Example(String title, String formula, Map<String, Double> values, String graph) {

        /** The value computed under {@code name}, e.g. {@code df/dx}. */
        public double value(String name) {
            Double v = values.get(name);
            if (v == null) {
                throw new IllegalArgumentException(title + ": no value named '" + name + "'; have " + values.keySet());
            }
            return v;
        }
    }

    /** Every example, in the order the demo shows them. */
    public static List<Example> all() {
        return List.of(addMultiply(), sigmoidGraph(), chainOfFunctions(), sigmoidNeuron(), logisticLoss(),
                logicGates());
    }

    /** f = (x + y)·z at x = 2, y = 3, z = −2: the first graph every deck draws. */
    public static Example addMultiply() {
        Tensor x = Tensor.scalar(2).requiresGrad();
        Tensor y = Tensor.scalar(3).requiresGrad();
        Tensor z = Tensor.scalar(-2).requiresGrad();
        Tensor q = x.add(y).retainGrad();
        Tensor f = q.mul(z);
        f.backward(true);
        var values = values("f", f, "q = x + y", q, "df/dq", q.grad(),
                "df/dx", x.grad(), "df/dy", y.grad(), "df/dz", z.grad());
        return new Example("Add and multiply gates (ML deck, backpropagation example)",
                "f = (x + y)·z at x = 2, y = 3, z = −2", values, Graph.of(f).toString());
    }

    /** f = σ(w0·x0 + w1·x1 + w2): the deck's sigmoid circuit with its five gradients. */
    public static Example sigmoidGraph() {
        Tensor w0 = Tensor.scalar(2).requiresGrad();
        Tensor x0 = Tensor.scalar(-1).requiresGrad();
        Tensor w1 = Tensor.scalar(-3).requiresGrad();
        Tensor x1 = Tensor.scalar(-2).requiresGrad();
        Tensor w2 = Tensor.scalar(-3).requiresGrad();
        Tensor f = w0.mul(x0).add(w1.mul(x1)).add(w2).sigmoid();
        f.backward();
        var values = values("f", f, "df/dx0", x0.grad(), "df/dx1", x1.grad(),
                "df/dw0", w0.grad(), "df/dw1", w1.grad(), "df/dw2", w2.grad());
        return new Example("A sigmoid circuit (ML deck, backpropagation example)",
                "f = σ(w0·x0 + w1·x1 + w2) at w0 = 2, x0 = −1, w1 = −3, x1 = −2, w2 = −3", values, null);
    }

    /** f(h(g(m(x)))) with m = −z, g = exp, h = z + 1, f = 1/z: the chain rule one link at a time. */
    public static Example chainOfFunctions() {
        Tensor x = Tensor.scalar(1).requiresGrad();
        Tensor f = x.neg().exp().add(1).reciprocal();
        f.backward();
        Tensor nudged = Tensor.scalar(1.1).neg().exp().add(1).reciprocal();
        var values = values("f(1)", f, "df/dx", x.grad(), "f(1.1)", nudged);
        values.put("f(1.1) - f(1)", values.get("f(1.1)") - values.get("f(1)"));
        values.put("0.1·df/dx", 0.1 * values.get("df/dx"));
        return new Example("Chain rule, link by link (social data science deck)",
                "f(h(g(m(x)))) with m(z) = −z, g = exp, h(z) = z + 1, f(z) = 1/z at x = 1, then x = 1.1", values, null);
    }

    /** A sigmoid neuron with squared error: z = W·x + b, ŷ = σ(z), C = (ŷ − y)². */
    public static Example sigmoidNeuron() {
        Tensor w = Tensor.of(new float[] {-1, 0.5f, 10}).requiresGrad();
        Tensor b = Tensor.scalar(-2).requiresGrad();
        Tensor x = Tensor.of(new float[] {4, -2, 1});
        Tensor z = w.matmul(x).add(b);
        Tensor prediction = z.sigmoid();
        Tensor cost = prediction.sub(1).pow(2);
        cost.backward();
        var values = values("z", z, "ŷ", prediction, "C", cost, "dC/db", b.grad());
        for (int i = 0; i < 3; i++) {
            values.put("dC/dW[" + i + "]", w.grad().get(i));
        }
        return new Example("A sigmoid neuron (social data science deck)",
                "b = −2, W = [−1, 0.5, 10], x = [4, −2, 1], y = 1, C = (ŷ − y)²", values, null);
    }

    /**
     * The logistic loss L = −y·log σ(W·X) at X = 3, y = 1, W = 3, in float64: its gradient
     * −X·(1 − σ(9)) cancels four digits away in float32.
     */
    public static Example logisticLoss() {
        Tensor w = Tensor.scalar(3, DType.FLOAT64).requiresGrad();
        Tensor loss = w.mul(3).sigmoid().log().neg();
        loss.backward();
        return new Example("Logistic regression derivative (CS-S109A deck)",
                "L = −y·log σ(W·X) at X = 3, y = 1, W = 3 (float64)", values("L", loss, "dL/dW", w.grad()), null);
    }

    /** Sigmoid units as logic gates: AND, NOT, and XNOR built from AND, (NOT x1) AND (NOT x2), OR. */
    public static Example logicGates() {
        Tensor inputs = Tensor.of(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
        Tensor and = unit(inputs, new float[] {20, 20}, -30);
        Tensor not = unit(inputs.slice(1, 0, 1), new float[] {-20}, 10);
        Tensor hidden = Tensor.concat(1, and, unit(inputs, new float[] {-20, -20}, 10));
        Tensor xnor = unit(hidden, new float[] {20, 20}, -10);
        Map<String, Double> values = new LinkedHashMap<>();
        for (int row = 0; row < 4; row++) {
            String args = (int) inputs.get(row, 0) + "," + (int) inputs.get(row, 1);
            values.put("AND(" + args + ")", and.get(row, 0));
            values.put("XNOR(" + args + ")", xnor.get(row, 0));
        }
        values.put("NOT(0)", not.get(0, 0));
        values.put("NOT(1)", not.get(2, 0));
        return new Example("Neurons as logic gates (deep neural networks deck)",
                "AND = g(−30 + 20x1 + 20x2), NOT = g(10 − 20x1), XNOR = OR(AND, (NOT x1) AND (NOT x2))", values, null);
    }

    /** A column of sigmoid units g(bias + inputs·weights), one row per input row. */
    private static Tensor unit(Tensor inputs, float[] weights, double bias) {
        return inputs.matmul(Tensor.of(weights, weights.length, 1)).add(bias).sigmoid();
    }

    private static Map<String, Double> values(Object... namesAndTensors) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTensors.length; i += 2) {
            values.put((String) namesAndTensors[i], ((Tensor) namesAndTensors[i + 1]).item());
        }
        return values;
    }

    /** Runs every example and writes its values, four significant digits each, to {@code out}. */
    public static void print(PrintWriter out) {
        int number = 1;
        for (Example example : all()) {
            out.printf("%d. %s%n   %s%n", number++, example.title(), example.formula());
            StringBuilder line = new StringBuilder(" ");
            for (var entry : example.values().entrySet()) {
                String item = String.format(Locale.ROOT, "  %s = %.4g", entry.getKey(), entry.getValue());
                if (line.length() + item.length() > 100) {
                    out.println(line);
                    line = new StringBuilder(" ");
                }
                line.append(item);
            }
            out.println(line);
            if (example.graph() != null) {
                out.println("   graph, result first:");
                example.graph().lines().forEach(l -> out.println("     " + l));
            }
            out.println();
        }
    }
}
