package org.jgrad.nn;

import org.jgrad.Tensor;

/**
 * Called after a module's forward pass with its input and output: how summaries find output
 * shapes and how training diagnostics watch activations. Register with {@link
 * Module#addForwardHook}.
 */
@FunctionalInterface
public interface ForwardHook {

    /** Sees one forward pass of {@code module}; must not change the tensors. */
    void afterForward(Module module, Tensor input, Tensor output);
}
