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

    /** One line per node: {@code Mul [2, 3] <- (Add, leaf)}, result first. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Node node : nodes) {
            out.append(node.opName()).append(' ').append(org.jgrad.Shape.format(node.tensor().shape()));
            if (node.op() != null) {
                out.append(" <- (");
                List<Tensor> inputs = node.inputs();
                for (int i = 0; i < inputs.size(); i++) {
                    Function source = inputs.get(i).gradFn();
                    out.append(i > 0 ? ", " : "").append(source == null ? "leaf" : source.name());
                }
                out.append(')');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
