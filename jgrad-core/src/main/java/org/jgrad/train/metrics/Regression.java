package org.jgrad.train.metrics;

import java.util.Arrays;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/** A regression output and its target, same shape, as {@code rows × columns} values in float64. */
record Regression(double[] output, double[] target, int rows, int columns) {

    /** Reads both tensors; errors name {@code metric} and the shapes. */
    static Regression read(String metric, Tensor output, Tensor target) {
        if (!Arrays.equals(output.shape(), target.shape())) {
            throw new IllegalArgumentException(metric + ": output of shape " + Shape.format(output.shape())
                    + " and target of shape " + Shape.format(target.shape()) + " must have the same shape");
        }
        if (output.dim() == 0) {
            throw new IllegalArgumentException(metric + ": needs one row per example, got a scalar");
        }
        int rows = output.size(0);
        int columns = rows == 0 ? 0 : output.numel() / rows;
        return new Regression(output.detach().toDoubleArray(), target.detach().toDoubleArray(), rows, columns);
    }

    /** The mean of {@code (ŷ − y)²} over all elements; 0 for none. */
    double meanSquaredError() {
        double sum = 0;
        for (int i = 0; i < output.length; i++) {
            double error = output[i] - target[i];
            sum += error * error;
        }
        return output.length == 0 ? 0 : sum / output.length;
    }

    /** The mean of {@code |ŷ − y|} over all elements; 0 for none. */
    double meanAbsoluteError() {
        double sum = 0;
        for (int i = 0; i < output.length; i++) {
            sum += Math.abs(output[i] - target[i]);
        }
        return output.length == 0 ? 0 : sum / output.length;
    }

    /** The R² of each column, averaged over the columns. */
    double r2() {
        double sum = 0;
        for (int c = 0; c < columns; c++) {
            sum += r2(c);
        }
        return columns == 0 ? 0 : sum / columns;
    }

    private double r2(int column) {
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            sum += target[i * columns + column];
        }
        double mean = sum / rows;
        double residual = 0;
        double total = 0;
        for (int i = 0; i < rows; i++) {
            double y = target[i * columns + column];
            double error = y - output[i * columns + column];
            residual += error * error;
            total += (y - mean) * (y - mean);
        }
        if (total == 0) {
            return residual == 0 ? 1 : 0;
        }
        return 1 - residual / total;
    }
}
