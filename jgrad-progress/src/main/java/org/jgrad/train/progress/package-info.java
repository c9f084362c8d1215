/**
 * The {@link org.jgrad.train.progress.ProgressBar} callback: a per-batch bar on a terminal, one
 * {@link org.jgrad.train.progress.EpochLine} per epoch elsewhere. May import {@code
 * org.jgrad.train} and below, and {@code me.tongfei.progressbar}.
 */
package org.jgrad.train.progress;
