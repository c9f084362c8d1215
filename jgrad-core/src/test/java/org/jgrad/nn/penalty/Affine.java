package org.jgrad.nn.penalty;

import org.jgrad.Tensor;
import org.jgrad.nn.Module;
import org.jgrad.nn.Parameter;

/** A test layer {@code y = x·Wᵀ + b} with given float64 weights: parameters of rank 2 and rank 1. */
final class Affine extends Module {

    final Parameter weight;
    final Parameter bias;

    Affine(Tensor weight, Tensor bias) {
        this.weight = registerParameter("weight", new Parameter(weight));
        this.bias = registerParameter("bias", new Parameter(bias));
    }

    @Override
    protected Tensor compute(Tensor input) {
        return input.matmul(weight.value().t()).add(bias.value());
    }
}
