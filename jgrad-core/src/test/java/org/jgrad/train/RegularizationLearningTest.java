package org.jgrad.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.Rng;
import org.jgrad.data.DataSet;
import org.jgrad.nn.Dropout;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Module;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.loss.CrossEntropyLoss;
import org.jgrad.nn.penalty.L2Penalty;
import org.jgrad.optim.Adam;
import org.junit.jupiter.api.Test;

/**
 * The decks' regularizers at work on a network that over-fits: 30 examples of three
 * overlapping classes, a 2-64-64-3 ReLU network, 200 full-batch Adam steps. Without help it
 * drives the training loss toward 0 while the validation loss grows; an L2 penalty or dropout
 * keeps the gap between the two (both measured in evaluation mode after training) smaller.
 */
class RegularizationLearningTest {

    private static final DataSet TRAIN = Fixtures.blobs(30, 1.5, 1);
    private static final DataSet VALIDATION = Fixtures.blobs(300, 1.5, 2);

    private static Sequential network(double dropout) {
        List<Module> layers = new ArrayList<>(List.of(new Linear(2, 64), new ReLU()));
        if (dropout > 0) {
            layers.add(new Dropout(dropout));
        }
        layers.addAll(List.of(new Linear(64, 64), new ReLU()));
        if (dropout > 0) {
            layers.add(new Dropout(dropout));
        }
        layers.add(new Linear(64, 3));
        var model = new Sequential(layers.toArray(Module[]::new));
        model.initialize(new Rng(3));
        return model;
    }

    /** Validation loss minus training loss after training. */
    private static double gap(Sequential model, L2Penalty penalty) {
        var trainer = Trainer.of(model, new CrossEntropyLoss(), new Adam(model.parameters(), 0.01)).epochs(200)
                .batchSize(30).seed(4);
        if (penalty != null) {
            trainer.regularizer(penalty);
        }
        trainer.fit(TRAIN);
        double train = trainer.evaluate(TRAIN).loss();
        double validation = trainer.evaluate(VALIDATION).loss();
        return validation - train;
    }

    @Test
    void l2AndDropoutNarrowTheGapBetweenTrainingAndValidationLoss() {
        double plain = gap(network(0), null);
        double l2 = gap(network(0), new L2Penalty(0.02));
        double dropout = gap(network(0.5), null);
        assertTrue(plain > 1, "the plain network over-fits: gap " + plain);
        assertTrue(l2 < plain / 3, "L2: " + l2 + " vs " + plain);
        assertTrue(dropout < plain / 3, "dropout: " + dropout + " vs " + plain);
    }
}
