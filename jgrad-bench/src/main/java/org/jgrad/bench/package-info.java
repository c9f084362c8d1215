/**
 * JMH micro-benchmarks of jgrad-core. Benchmarks are not tests: they measure, they do not check.
 * {@code GemmReport} runs the matrix-product benchmarks against OpenBLAS (bound through the FFM
 * API when it is installed, never required) and the machine's measured peak, and prints a table.
 * {@code EndToEnd} trains the Fashion-MNIST MLP with jgrad and with PyTorch in the same session,
 * each in its own process, and reports epoch time, peak memory, GC and allocation with their
 * ratios. {@code KernelTimes} times a training step's pieces in thread CPU time, {@code
 * TrainingPhases} the phases of each step of that training. This package
 * may use the Vector API, to measure that peak. See {@code jgrad-bench/README.md}
 * for how to build and run them.
 */
package org.jgrad.bench;
