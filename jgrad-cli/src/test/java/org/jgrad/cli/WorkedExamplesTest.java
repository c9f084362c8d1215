package org.jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.jgrad.cli.WorkedExamples.Example;
import org.junit.jupiter.api.Test;

/** The lecture decks' worked examples reproduce their published numbers. */
class WorkedExamplesTest {

    /** Tolerance for numbers the decks print with four significant decimals. */
    private static final double FOUR_DECIMALS = 5e-5;

    @Test
    void addMultiplyGivesTheDecksGradient() {
        Example e = WorkedExamples.addMultiply();
        // The deck gives only the gradient (−2, −2, 5); the value is z·(x + y) = −2 · 5.
        assertEquals(-10, e.value("f"), 1e-6);
        assertEquals(-2, e.value("df/dx"), 1e-6);
        assertEquals(-2, e.value("df/dy"), 1e-6);
        assertEquals(5, e.value("df/dz"), 1e-6);
        assertEquals(-2, e.value("df/dq"), 1e-6);
    }

    @Test
    void sigmoidCircuitGivesTheDecksGradients() {
        Example e = WorkedExamples.sigmoidGraph();
        assertEquals(0.7311, e.value("f"), FOUR_DECIMALS);
        assertEquals(0.3932, e.value("df/dx0"), FOUR_DECIMALS);
        assertEquals(-0.5898, e.value("df/dx1"), FOUR_DECIMALS);
        assertEquals(-0.1966, e.value("df/dw0"), FOUR_DECIMALS);
        assertEquals(-0.3932, e.value("df/dw1"), FOUR_DECIMALS);
        assertEquals(0.1966, e.value("df/dw2"), FOUR_DECIMALS);
    }

    @Test
    void chainOfFunctionsPredictsTheNudge() {
        Example e = WorkedExamples.chainOfFunctions();
        assertEquals(0.7311, e.value("f(1)"), FOUR_DECIMALS);
        assertEquals(0.1966, e.value("df/dx"), FOUR_DECIMALS);
        assertEquals(0.0192, e.value("f(1.1) - f(1)"), FOUR_DECIMALS);
        // The derivative predicts the change to first order: 0.1 · 0.1966 ≈ 0.0192 + O(0.1²).
        assertEquals(e.value("f(1.1) - f(1)"), e.value("0.1·df/dx"), 0.001);
    }

    @Test
    void sigmoidNeuronGivesTheDecksGradients() {
        Example e = WorkedExamples.sigmoidNeuron();
        assertEquals(3, e.value("z"), 1e-6);
        assertEquals(0.9526, e.value("ŷ"), FOUR_DECIMALS);
        assertEquals(-0.01714, e.value("dC/dW[0]"), 5e-6);
        assertEquals(0.00857, e.value("dC/dW[1]"), 5e-6);
        assertEquals(-0.004285, e.value("dC/dW[2]"), 5e-7);
        assertEquals(-0.004285, e.value("dC/db"), 5e-7);
    }

    @Test
    void logisticLossGivesTheDecksDerivative() {
        Example e = WorkedExamples.logisticLoss();
        assertEquals(-3.7018e-4, e.value("dL/dW"), 5e-9);
    }

    @Test
    void sigmoidUnitsComputeTheTruthTables() {
        Example e = WorkedExamples.logicGates();
        int[][] rows = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        for (int[] r : rows) {
            String args = r[0] + "," + r[1];
            assertEquals(r[0] & r[1], e.value("AND(" + args + ")"), 1e-4, "AND(" + args + ")");
            assertEquals(r[0] == r[1] ? 1 : 0, e.value("XNOR(" + args + ")"), 1e-4, "XNOR(" + args + ")");
        }
        assertEquals(1, e.value("NOT(0)"), 1e-4);
        assertEquals(0, e.value("NOT(1)"), 1e-4);
    }

    @Test
    void printShowsEveryExampleAndTheGraph() {
        StringWriter written = new StringWriter();
        WorkedExamples.print(new PrintWriter(written, true));
        String text = written.toString();
        assertEquals(WorkedExamples.all().size(), text.lines().filter(l -> l.matches("\\d+\\. .*")).count());
        assertTrue(text.contains("df/dx0 = 0.3932"), text);
        assertTrue(text.contains("#0 Mul [] = -10.00 <- #"), text);
    }
}
