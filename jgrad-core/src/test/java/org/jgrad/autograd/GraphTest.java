package org.jgrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/** {@link Graph} lists the graph behind a result, result first, with ops, inputs, shapes, values and gradients. */
class GraphTest {

    private final Tensor x = Tensor.scalar(-2.0).requiresGrad();
    private final Tensor y = Tensor.scalar(5.0).requiresGrad();
    private final Tensor z = Tensor.scalar(-4.0).requiresGrad();

    @Test
    void nodesComeResultFirstWithTheirOps() {
        Tensor q = x.add(y);
        Tensor f = q.mul(z);
        List<Graph.Node> nodes = Graph.of(f).nodes();

        assertEquals(5, nodes.size());
        assertSame(f, nodes.get(0).tensor());
        assertEquals("Mul", nodes.get(0).opName());
        assertEquals(List.of("Mul", "Add", "leaf", "leaf", "leaf"),
                nodes.stream().map(Graph.Node::opName).sorted((a, b) -> rank(a) - rank(b)).toList());

        Graph.Node mul = nodes.get(0);
        assertEquals(2, mul.inputs().size());
        assertSame(q, mul.inputs().get(0));
        assertSame(z, mul.inputs().get(1));
        Graph.Node add = nodeOf(nodes, q);
        assertEquals("Add", add.opName());
        assertSame(x, add.inputs().get(0));
        assertSame(y, add.inputs().get(1));
        assertTrue(nodeOf(nodes, x).inputs().isEmpty());
        assertNull(nodeOf(nodes, x).op());
    }

    private static int rank(String op) {
        return switch (op) {
            case "Mul" -> 0;
            case "Add" -> 1;
            default -> 2;
        };
    }

    private static Graph.Node nodeOf(List<Graph.Node> nodes, Tensor t) {
        return nodes.stream().filter(n -> n.tensor() == t).findFirst().orElseThrow();
    }

    @Test
    void everyNodeComesBeforeItsInputs() {
        Tensor a = x.mul(y);
        Tensor b = a.add(x);
        Tensor f = b.mul(a).add(z.exp());
        List<Graph.Node> nodes = Graph.of(f).nodes();
        Map<Tensor, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            position.put(nodes.get(i).tensor(), i);
        }
        assertEquals(8, nodes.size(), "f, b·a, b, a, exp(z) and the leaves x, y, z, each once");
        for (Graph.Node node : nodes) {
            for (Tensor input : node.inputs()) {
                assertTrue(position.get(input) > position.get(node.tensor()),
                        node.opName() + " must come before its input " + input);
            }
        }
    }

    @Test
    void constantsAreNotNodes() {
        Tensor f = x.mul(2.0);
        List<Graph.Node> nodes = Graph.of(f).nodes();
        assertEquals(2, nodes.size());
        assertEquals("Mul", nodes.get(0).opName());
        assertSame(x, nodes.get(1).tensor());
    }

    @Test
    void shapesValuesAndGradientsAreReadableAfterBackward() {
        Tensor a = Tensor.of(new float[] {1, 2, 3}).requiresGrad();
        Tensor b = Tensor.of(new float[] {4, 5, 6}).requiresGrad();
        Tensor product = a.mul(b).retainGrad();
        Tensor f = product.sum().retainGrad();
        f.backward();
        List<Graph.Node> nodes = Graph.of(f).nodes();

        assertEquals("Sum", nodes.get(0).opName());
        assertArrayEquals(new int[0], nodes.get(0).tensor().shape());
        assertEquals(32.0, nodes.get(0).tensor().item());
        assertEquals(1.0, nodes.get(0).tensor().grad().item());

        Graph.Node mul = nodeOf(nodes, product);
        assertArrayEquals(new int[] {3}, mul.tensor().shape());
        assertArrayEquals(new float[] {4, 10, 18}, mul.tensor().toFloatArray());
        assertArrayEquals(new float[] {1, 1, 1}, mul.tensor().grad().toFloatArray());
        assertArrayEquals(new float[] {4, 5, 6}, nodeOf(nodes, a).tensor().grad().toFloatArray());
        assertArrayEquals(new float[] {1, 2, 3}, nodeOf(nodes, b).tensor().grad().toFloatArray());
    }

    @Test
    void toStringNumbersTheNodesAndShowsValuesAndGradients() {
        Tensor f = x.add(y).mul(z);
        assertEquals("""
                #0 Mul [] = -12.00 <- #2, #1
                #1 leaf [] = -4.000
                #2 Add [] = 3.000 <- #4, #3
                #3 leaf [] = 5.000
                #4 leaf [] = -2.000
                """, Graph.of(f).toString());
        f.backward();
        String after = Graph.of(f).toString();
        assertTrue(after.contains("#4 leaf [] = -2.000 (grad -4.000)"), after);
        assertTrue(after.contains("#1 leaf [] = -4.000 (grad 3.000)"), after);
    }

    @Test
    void toStringMarksConstantInputs() {
        assertEquals("#0 Mul [] = -4.000 <- #1, constant\n#1 leaf [] = -2.000\n", Graph.of(x.mul(2.0)).toString());
    }

    @Test
    void aTensorWithoutAGraphIsASingleLeaf() {
        Tensor c = Tensor.ones(2, 2);
        List<Graph.Node> nodes = Graph.of(c).nodes();
        assertEquals(1, nodes.size());
        assertSame(c, nodes.get(0).tensor());
        assertEquals("leaf", nodes.get(0).opName());
        assertEquals("#0 leaf [2, 2]\n", Graph.of(c).toString());
    }
}
