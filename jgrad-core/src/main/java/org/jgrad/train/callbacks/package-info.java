/**
 * The built-in {@link org.jgrad.train.Callback}s: {@link
 * org.jgrad.train.callbacks.EarlyStopping}, {@link
 * org.jgrad.train.callbacks.LearningRateScheduler}, {@link
 * org.jgrad.train.callbacks.GradientMonitor} (vanishing and exploding gradients, dead units)
 * and {@link org.jgrad.train.callbacks.NanGuard}. Callbacks that write files ({@code
 * ModelCheckpoint}, {@code CsvLogger}) are in {@code org.jgrad.io}, whose atomic writes they
 * use. They use only the public API of {@code
 * org.jgrad.train}, as a callback outside the package would. May import {@code
 * org.jgrad.train} and everything it may import; nothing above.
 */
package org.jgrad.train.callbacks;
