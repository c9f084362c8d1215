package org.jgrad.data;

/** What a target column asks of a model. */
public enum Task {
    /** Predict one of a set of classes: targets are class indices. */
    CLASSIFICATION,
    /** Predict a number: targets are values. */
    REGRESSION
}
