package org.jgrad.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.autograd.ops.Workspace;

/**
 * The backward pass: walks the graph from a result to its leaves in reverse topological order,
 * calling each function's backward rule once and adding up the gradients of values used more
 * than once. The walk uses an explicit stack, so graphs of any depth work. The arrays of the
 * gradients it computes are recycled into the next backward pass ({@link Workspace}); only the
 * gradients it leaves on tensors outlive it.
 */
public final class Engine {

    private Engine() {
    }

    /**
     * Adds the gradient of {@code root} (seeded with {@code gradient}) to the {@code grad()} of
     * every leaf that requires one, and of every tensor that asked to {@link Tensor#retainGrad()
     * retain} its gradient. Unless {@code retainGraph}, the graph is freed as it is walked.
     */
    public static void backward(Tensor root, Tensor gradient, boolean retainGraph) {
        if (!root.isRequiresGrad()) {
            throw new IllegalStateException("backward: the tensor does not require grad and has no grad_fn;"
                    + " call requiresGrad() on an input before computing it");
        }
        if (!java.util.Arrays.equals(gradient.shape(), root.shape())) {
            throw new IllegalArgumentException("backward: gradient of shape " + Shape.format(gradient.shape())
                    + " does not match the output's shape " + Shape.format(root.shape()));
        }
        Map<Tensor, Tensor> pending = new IdentityHashMap<>();
        try (var scope = GradMode.noGrad(); var pass = Workspace.open()) {
            pending.put(root, gradient.detach().to(root.dtype()));
            for (Tensor node : topologicalOrder(root)) {
                Tensor grad = pending.remove(node);
                if (grad == null) {
                    continue;
                }
                if (node.isLeaf() || node.retainsGrad()) {
                    node.accumulateGrad(grad);
                }
                if (!node.isLeaf()) {
                    propagate(node.gradFn(), grad, pending, retainGraph);
                }
            }
        }
    }

    private static void propagate(Function fn, Tensor grad, Map<Tensor, Tensor> pending, boolean retainGraph) {
        Tensor[] inputGrads = fn.runBackward(grad);
        List<Tensor> inputs = fn.inputs();
        for (int i = 0; i < inputGrads.length; i++) {
            Tensor input = inputs.get(i);
            if (inputGrads[i] == null || !input.isRequiresGrad()) {
                continue;
            }
            Tensor inputGrad = reduceToShape(inputGrads[i], input.shape()).to(input.dtype());
            if (AnomalyMode.isEnabled()) {
                checkFinite(fn, i, inputGrad);
            }
            pending.merge(input, inputGrad, Tensor::add);
        }
        if (!retainGraph) {
            fn.release();
        }
    }

    /** Sums a gradient over the dimensions along which its input was broadcast. */
    static Tensor reduceToShape(Tensor grad, int[] shape) {
        int[] from = grad.shape();
        if (java.util.Arrays.equals(from, shape)) {
            return grad;
        }
        int lead = from.length - shape.length;
        List<Integer> dims = new ArrayList<>();
        for (int d = 0; d < from.length; d++) {
            if (d < lead || (shape[d - lead] == 1 && from[d] != 1)) {
                dims.add(d);
            }
        }
        Tensor summed = grad.sum(dims.stream().mapToInt(Integer::intValue).toArray(), true);
        return summed.reshape(shape);
    }

    private static void checkFinite(Function fn, int input, Tensor grad) {
        for (double v : grad.toDoubleArray()) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("anomaly: backward of " + fn.name() + " produced "
                        + (Double.isNaN(v) ? "NaN" : "infinity") + " in the gradient of input " + input
                        + " (shape " + Shape.format(grad.shape()) + ")");
            }
        }
    }

    /** Tensors that require grad, each after every tensor computed from it; {@code root} first. */
    static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> postOrder = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Frame> stack = new ArrayDeque<>();
        visited.add(root);
        stack.push(new Frame(root));
        while (!stack.isEmpty()) {
            Frame frame = stack.peek();
            Tensor next = frame.nextInput();
            if (next == null) {
                stack.pop();
                postOrder.add(frame.tensor);
            } else if (next.isRequiresGrad() && visited.add(next)) {
                stack.push(new Frame(next));
            }
        }
        Collections.reverse(postOrder);
        return postOrder;
    }

    /** A tensor on the walk's stack and how many of its inputs have been visited. */
    private static final class Frame {
        final Tensor tensor;
        final List<Tensor> inputs;
        int visited;

        Frame(Tensor tensor) {
            this.tensor = tensor;
            this.inputs = tensor.isLeaf() ? List.of() : tensor.gradFn().inputs();
        }

        Tensor nextInput() {
            return visited < inputs.size() ? inputs.get(visited++) : null;
        }
    }
}
