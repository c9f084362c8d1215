/**
 * JMH micro-benchmarks of jgrad-core. Benchmarks are not tests: they measure, they do not check.
 * {@code GemmReport} runs the matrix-product benchmarks against OpenBLAS (bound through the FFM
 * API when it is installed, never required) and the machine's measured peak, and prints a table.
 * This package may use the Vector API, to measure that peak. See {@code jgrad-bench/README.md}
 * for how to build and run them.
 */
package org.jgrad.bench;
