/**
 * Files: {@link org.jgrad.io.ModelFile} (a model with its architecture, ready to predict when
 * loaded, plus the caller's extra tensors and text), built on {@link org.jgrad.io.Safetensors}
 * (named tensors in Hugging Face's safetensors format) and {@link org.jgrad.io.AtomicFile}
 * (all-or-nothing writes); {@link org.jgrad.io.Json}, the small strict JSON of the headers,
 * also for callers that store lists or records as metadata. Training checkpoints: {@link
 * org.jgrad.io.Checkpoint} (a model file that also holds the optimizer's state as an {@link
 * org.jgrad.io.OptimizerState}, the seed and the history, to resume a run bitwise where it
 * stood) and {@link org.jgrad.io.ModelCheckpoint}, the {@link org.jgrad.train.Callback} that
 * writes them during training (the best epoch, or every epoch); {@link org.jgrad.io.CsvLogger},
 * the callback that keeps the history as a CSV file. Reading trusts nothing in a
 * file: every problem is a {@link org.jgrad.io.FileFormatException} naming it. May import
 * every package of jgrad-core below it: {@code org.jgrad.train}, {@code org.jgrad.data}, {@code
 * org.jgrad.optim}, {@code org.jgrad.nn}, {@code org.jgrad}, {@code org.jgrad.autograd} and
 * {@code org.jgrad.backend}.
 */
package org.jgrad.io;
