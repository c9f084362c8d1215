/**
 * jgrad's core: tensors, kernels and reverse-mode autograd, with no dependency beyond the JDK.
 * The differentiable primitives ({@code org.jgrad.autograd.ops}) are reached through {@code
 * Tensor}'s methods and are not exported.
 */
module org.jgrad.core {
    requires static jdk.incubator.vector;

    exports org.jgrad;
    exports org.jgrad.autograd;
    exports org.jgrad.backend;
    exports org.jgrad.backend.blas;
    exports org.jgrad.data;
    exports org.jgrad.io;
    exports org.jgrad.nn;
    exports org.jgrad.nn.init;
    exports org.jgrad.nn.loss;
    exports org.jgrad.nn.penalty;
    exports org.jgrad.optim;
    exports org.jgrad.train;
    exports org.jgrad.train.callbacks;
    exports org.jgrad.train.metrics;
}
