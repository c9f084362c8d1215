package org.jgrad.autograd;

import java.util.List;
import org.jgrad.Tensor;

/**
 * The computational graph behind a result, for reading, printing and drawing: every tensor
 * that requires grad, from the result down to the leaves, in topological order. Each node
 * offers its op name, inputs, shape, value and (after backward) gradient; intermediate
 * tensors keep their gradient only when {@link Tensor#retainGrad()} was called on them.
 */
public record Graph(List<Node> nodes) {

    /** One value in the graph: the tensor, and the op that made it ({@code null} for a leaf). */
    public record Node(Tensor tensor, Function op) {

        /** The op's name, or {@code leaf}. */
        public String opName() {
            return op == null ? "leaf" : op.name();
        }

        /** The tensors the op read; empty for a leaf. */
        public List<Tensor> inputs() {
            return op == null ? List.of() : op.inputs();
        }
    }

    /** The graph that computed {@code result}, result first. */
    public static Graph of(Tensor result) {
        if (!result.isRequiresGrad()) {
            return new Graph(List.of(new Node(result, null)));
        }
        return new Graph(Engine.topologicalOrder(result).stream().map(t -> new Node(t, t.gradFn())).toList());
    }

    /**
     * One line per node, result first, numbered so that inputs can be found: {@code #0 Mul [] =
     * -10.00 (grad 1.000) <- #1, #4}; values and gradients of one-element tensors are shown to
     * four significant digits, and inputs that are not nodes as {@code constant}.
     */
    @Override
    public String toString() {
        java.util.Map<Tensor, Integer> numbers = new java.util.IdentityHashMap<>();
        for (Node node : nodes) {
            numbers.put(node.tensor(), numbers.size());
        }
        StringBuilder out = new StringBuilder();
        for (Node node : nodes) {
            Tensor t = node.tensor();
            out.append('#').append(numbers.get(t)).append(' ').append(node.opName()).append(' ')
                    .append(org.jgrad.Shape.format(t.shape()));
            if (t.numel() == 1) {
                out.append(" = ").append(String.format(java.util.Locale.ROOT, "%.4g", t.item()));
                if (t.grad() != null) {
                    out.append(String.format(java.util.Locale.ROOT, " (grad %.4g)", t.grad().item()));
                }
            }
            List<String> inputs = node.inputs().stream()
                    .map(input -> numbers.containsKey(input) ? "#" + numbers.get(input) : "constant").toList();
            if (!inputs.isEmpty()) {
                out.append(" <- ").append(String.join(", ", inputs));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
