package org.jgrad.datasets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.autograd.GradMode;
import org.jgrad.data.Augmentation;
import org.jgrad.data.Batch;
import org.jgrad.data.DataLoader;
import org.jgrad.data.DataSet;
import org.jgrad.data.ImageAugmentation;
import org.jgrad.data.Split;
import org.jgrad.nn.Linear;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.loss.CrossEntropyLoss;
import org.jgrad.optim.Adam;
import org.junit.jupiter.api.Test;

/**
 * Augmentation earns its keep: an MLP trained on 90 of the 1797 digits (9 per class) classifies
 * the other 1707 better when each batch is randomly shifted, rotated, scaled and sheared.
 * Measured (seeds 0–3, 100 epochs): plain 0.8735, 0.9010, 0.9121, 0.9080 (mean 0.8987);
 * augmented 0.8981, 0.9174, 0.9203, 0.9250 (mean 0.9152).
 */
class DigitsAugmentationTest {

    private static final int EPOCHS = 100;
    private static final int SEEDS = 4;

    /** Test accuracy of a 64-64-10 MLP trained with Adam on {@code train}, its batches changed by {@code augmentation}. */
    private static double accuracy(DataSet train, DataSet test, Augmentation augmentation, long seed) {
        var model = new Sequential(new Linear(64, 64), new ReLU(), new Linear(64, 10));
        model.initialize(new Rng(seed));
        var optimizer = new Adam(model.parameters(), 1e-2);
        var loss = new CrossEntropyLoss();
        DataLoader loader = DataLoader.of(train, 32).shuffle(new Rng(seed + 1));
        if (augmentation != null) {
            loader = loader.augment(augmentation, new Rng(seed + 2));
        }
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (Batch batch : loader) {
                Tensor value = loss.forward(model.forward(batch.features()), batch.targets());
                optimizer.zeroGrad();
                value.backward();
                optimizer.step();
            }
        }
        try (var scope = GradMode.noGrad()) {
            Tensor predicted = model.forward(test.features()).argmax(1, false);
            return predicted.eq(test.targets()).to(DType.FLOAT32).mean().item();
        }
    }

    @Test
    void augmentationImprovesTestAccuracyWithFewTrainingExamples() {
        DataSet digits = DataSets.load("digits").mapFeatures(pixels -> pixels.div(16));
        Augmentation augmentation = new ImageAugmentation().imageSize(8, 8)
                .shift(0.5).rotation(10).scale(0.05).shear(5);
        double plain = 0;
        double augmented = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            Split split = Split.of(digits, 0, 0.95, new Rng(seed));
            plain += accuracy(split.train(), split.test(), null, seed) / SEEDS;
            augmented += accuracy(split.train(), split.test(), augmentation, seed) / SEEDS;
        }
        assertTrue(plain > 0.85, "plain accuracy " + plain);
        assertTrue(augmented > plain + 0.01, "augmented " + augmented + " vs plain " + plain);
    }
}
