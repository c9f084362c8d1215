package org.jgrad.data;

/** A data set's published division into a training and a test part. */
public record TrainTest(DataSet train, DataSet test) {}
