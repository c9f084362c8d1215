/**
 * Data for training: {@link org.jgrad.data.DataSet} (features, targets and their names) and
 * {@link org.jgrad.data.DataLoader} (seeded shuffling and batching without copying the whole
 * set, with optional per-batch {@link org.jgrad.data.Augmentation}); image sets read from IDX
 * files and kept as bytes ({@link org.jgrad.data.Idx}, {@link org.jgrad.data.ImageDataSets});
 * seeded stratified {@link org.jgrad.data.Split}s; {@link org.jgrad.data.Scaler}s fitted on
 * training data; and the {@link org.jgrad.data.Schema} that turns a table of text (a CSV file,
 * read by the {@code jgrad-data} module) into tensors with one-hot and label encoders.
 * May import {@code org.jgrad}, {@code org.jgrad.autograd}, {@code org.jgrad.backend},
 * {@code org.jgrad.nn} and {@code org.jgrad.optim}; nothing above. No dependency beyond the JDK.
 */
package org.jgrad.data;
