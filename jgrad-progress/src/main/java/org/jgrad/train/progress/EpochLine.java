package org.jgrad.train.progress;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jgrad.train.EpochRecord;

/**
 * The one-line summary of an epoch that {@link ProgressBar} prints when it has no terminal, as
 * Keras's logs read:
 *
 * <pre>
 * Epoch 3/20 - loss 0.3412 - accuracy 0.8821 - val_loss 0.3710 - val_accuracy 0.8710 - lr 0.001 - 1.2 s - 48000 samples/s
 * </pre>
 *
 * Epochs count from 1 here, as people count them (the history counts from 0). Losses and
 * metrics have four decimals, the learning rate three significant digits, the seconds one
 * decimal, the speed none.
 */
public final class EpochLine {

    private EpochLine() {
    }

    /** The line for {@code record} of a run of {@code epochs} epochs. */
    public static String format(EpochRecord record, int epochs) {
        List<String> parts = new ArrayList<>();
        parts.add("Epoch " + (record.epoch() + 1) + "/" + epochs);
        parts.add(figure("loss", record.trainLoss()));
        addAll(parts, "", record.trainMetrics());
        if (record.hasValidation()) {
            parts.add(figure("val_loss", record.validationLoss()));
            addAll(parts, "val_", record.validationMetrics());
        }
        parts.add("lr " + significant(record.learningRate()));
        parts.add(String.format(Locale.ROOT, "%.1f s", record.seconds()));
        parts.add(String.format(Locale.ROOT, "%.0f samples/s", record.samplesPerSecond()));
        return String.join(" - ", parts);
    }

    /** {@code name value} with four decimals, e.g. {@code loss 0.3412}. */
    static String figure(String name, double value) {
        return String.format(Locale.ROOT, "%s %.4f", name, value);
    }

    private static void addAll(List<String> parts, String prefix, Map<String, Double> metrics) {
        metrics.forEach((name, value) -> parts.add(figure(prefix + name, value)));
    }

    /** Three significant digits without trailing zeros: {@code 0.001}, {@code 0.000125}, {@code 1E-8}. */
    private static String significant(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toString();
    }
}
