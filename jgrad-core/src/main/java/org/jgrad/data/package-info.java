/**
 * Data for training: {@link org.jgrad.data.DataSet} (features, targets and their names) and
 * {@link org.jgrad.data.DataLoader} (seeded shuffling and batching without copying the whole
 * set). May import {@code org.jgrad}, {@code org.jgrad.autograd}, {@code org.jgrad.backend},
 * {@code org.jgrad.nn} and {@code org.jgrad.optim}; nothing above.
 */
package org.jgrad.data;
