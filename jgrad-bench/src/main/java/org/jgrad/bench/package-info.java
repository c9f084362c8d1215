/**
 * JMH micro-benchmarks of jgrad-core. Benchmarks are not tests: they measure, they do not check.
 * See {@code jgrad-bench/README.md} for how to build and run them.
 */
package org.jgrad.bench;
