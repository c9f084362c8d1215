/**
 * Fitting parameters: the {@link org.jgrad.optim.Optimizer}s ({@link org.jgrad.optim.SGD} with
 * momentum and Nesterov, {@link org.jgrad.optim.AdaGrad}, {@link org.jgrad.optim.RMSProp},
 * {@link org.jgrad.optim.Adam}, {@link org.jgrad.optim.AdamW}, {@link org.jgrad.optim.Adadelta}),
 * each documenting its exact update rule; learning-rate schedules ({@link
 * org.jgrad.optim.LrScheduler}); gradient clipping ({@link org.jgrad.optim.ClipGrad}); and the
 * lectures' full-batch {@link org.jgrad.optim.GradientDescent} with its stopping rule. Updates
 * are made in place and record no graph. May import {@code org.jgrad.nn}, {@code org.jgrad},
 * {@code org.jgrad.autograd} and {@code org.jgrad.backend}; nothing above.
 */
package org.jgrad.optim;
