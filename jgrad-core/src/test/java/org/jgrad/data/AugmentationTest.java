package org.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/** {@link ImageTransform}, {@link ImageAugmentation} and {@link InputNoise}: exact results on tiny images, seeded batches. */
class AugmentationTest {

    /** The 3 x 4 image 1 … 12, row by row, as a batch of one. */
    private static final Tensor TWELVE = Tensor.arange(1, 13, 1).reshape(1, 3, 4);
    private static final Tensor NINE = Tensor.arange(1, 10, 1).reshape(1, 3, 3);

    private static float[] transform(Tensor image, ImageTransform transform, Interpolation interpolation) {
        return transform.apply(image, interpolation).toFloatArray();
    }

    @Test
    void shiftsMoveByWholePixelsExactlyWithEitherSampling() {
        for (Interpolation interpolation : Interpolation.values()) {
            assertArrayEquals(new float[] {0, 1, 2, 3, 0, 5, 6, 7, 0, 9, 10, 11},
                    transform(TWELVE, new ImageTransform(0, 1, 0, 1, 0, false), interpolation), "right, " + interpolation);
            assertArrayEquals(new float[] {0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8},
                    transform(TWELVE, new ImageTransform(0, 1, 0, 0, 1, false), interpolation), "down, " + interpolation);
            assertArrayEquals(new float[] {3, 4, 0, 0, 7, 8, 0, 0, 11, 12, 0, 0},
                    transform(TWELVE, new ImageTransform(0, 1, 0, -2, 0, false), interpolation), "left 2, " + interpolation);
        }
    }

    @Test
    void halfPixelShiftsAverageNeighboursBilinearly() {
        assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f, 3.5f, 2.5f, 5.5f, 6.5f, 7.5f, 4.5f, 9.5f, 10.5f, 11.5f},
                transform(TWELVE, new ImageTransform(0, 1, 0, 0.5, 0, false), Interpolation.BILINEAR));
    }

    @Test
    void flipsRotationsScalesAndShearsOnTinyImages() {
        assertArrayEquals(new float[] {4, 3, 2, 1, 8, 7, 6, 5, 12, 11, 10, 9},
                transform(TWELVE, new ImageTransform(0, 1, 0, 0, 0, true), Interpolation.BILINEAR));
        assertArrayEquals(new float[] {7, 4, 1, 8, 5, 2, 9, 6, 3},
                transform(NINE, new ImageTransform(90, 1, 0, 0, 0, false), Interpolation.NEAREST), "clockwise");
        // scale 2 about the centre (1, 1): output (x, y) reads input (1 + (x-1)/2, 1 + (y-1)/2), nearest rounds half up
        assertArrayEquals(new float[] {5, 5, 6, 5, 5, 6, 8, 8, 9},
                transform(NINE, new ImageTransform(0, 2, 0, 0, 0, false), Interpolation.NEAREST));
        // shear 45 degrees: the row below the centre moves one column right, the row above one left
        assertArrayEquals(new float[] {2, 3, 0, 4, 5, 6, 0, 7, 8},
                transform(NINE, new ImageTransform(0, 1, 45, 0, 0, false), Interpolation.NEAREST));
        assertArrayEquals(NINE.toFloatArray(), transform(NINE, ImageTransform.IDENTITY, Interpolation.BILINEAR));
    }

    @Test
    void randomAugmentationIsSeededPerImageAndKeepsShapes() {
        Tensor batch = Tensor.rand(new Rng(1), 8, 2, 6, 6);
        var augmentation = new ImageAugmentation().shift(1.5).rotation(15).scale(0.1).shear(5).horizontalFlip();
        Tensor a = augmentation.apply(batch, new Rng(7));
        assertArrayEquals(batch.shape(), a.shape());
        assertArrayEquals(a.toFloatArray(), augmentation.apply(batch, new Rng(7)).toFloatArray());
        assertFalse(Arrays.equals(a.toFloatArray(), augmentation.apply(batch, new Rng(8)).toFloatArray()));
        // both channels of an image get the same change: here a flip or none, so channel 1 follows channel 0
        Tensor twins = Tensor.concat(1, batch.narrow(1, 0, 1), batch.narrow(1, 0, 1));
        Tensor flipped = new ImageAugmentation().horizontalFlip().apply(twins, new Rng(3));
        assertArrayEquals(flipped.narrow(1, 0, 1).toFloatArray(), flipped.narrow(1, 1, 1).toFloatArray());
        assertArrayEquals(batch.toFloatArray(), new ImageAugmentation().apply(batch, new Rng(0)).toFloatArray());
    }

    @Test
    void flipsHappenToAboutHalfTheImages() {
        Tensor rows = Tensor.arange(0, 4, 1).reshape(1, 4).expand(200, 4).contiguous();
        Tensor out = new ImageAugmentation().horizontalFlip().imageSize(1, 4).apply(rows, new Rng(5));
        int flipped = 0;
        for (int i = 0; i < 200; i++) {
            float[] row = out.select(0, i).toFloatArray();
            boolean mirrored = Arrays.equals(row, new float[] {3, 2, 1, 0});
            assertTrue(mirrored || Arrays.equals(row, new float[] {0, 1, 2, 3}));
            flipped += mirrored ? 1 : 0;
        }
        assertTrue(flipped > 80 && flipped < 120, "flipped " + flipped + " of 200");
    }

    @Test
    void theLoaderAugmentsEachBatchAndNeverTheStoredData() {
        Tensor images = Tensor.rand(new Rng(2), 10, 1, 5, 5);
        DataSet data = DataSet.of(images, Tensor.of(new long[10], 10));
        float[] stored = data.features().toFloatArray();
        var augmentation = new ImageAugmentation().shift(1).rotation(10);
        DataLoader loader = DataLoader.of(data, 4).augment(augmentation, new Rng(9));
        List<float[]> first = passes(loader);
        List<float[]> second = passes(loader);
        assertFalse(Arrays.equals(first.getFirst(), second.getFirst()), "every pass draws new changes");
        assertArrayEquals(stored, data.features().toFloatArray());
        List<float[]> again = passes(DataLoader.of(data, 4).augment(augmentation, new Rng(9)));
        for (int b = 0; b < first.size(); b++) {
            assertArrayEquals(first.get(b), again.get(b));
        }
        assertEquals(3, first.size());
    }

    private static List<float[]> passes(DataLoader loader) {
        List<float[]> batches = new ArrayList<>();
        for (Batch batch : loader) {
            batches.add(batch.features().toFloatArray());
        }
        return batches;
    }

    @Test
    void inputNoiseHasTheAskedSpread() {
        Tensor features = Tensor.zeros(400, 50);
        Tensor noisy = new InputNoise(0.3).apply(features, new Rng(4));
        assertEquals(0, noisy.mean().item(), 0.01);
        assertEquals(0.3, noisy.std().item(), 0.01);
        assertArrayEquals(new float[20_000], features.toFloatArray());
    }

    @Test
    void badSettingsAreNamed() {
        assertEquals("InputNoise: stddev must be finite and not negative, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new InputNoise(-1)).getMessage());
        assertEquals("ImageAugmentation: rotation must be in [0, 180.0], got 270.0",
                assertThrows(IllegalArgumentException.class, () -> new ImageAugmentation().rotation(270)).getMessage());
        assertEquals("ImageAugmentation: shift must be finite and not negative, got NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> new ImageAugmentation().shift(Double.NaN)).getMessage());
        assertEquals("ImageAugmentation: features of shape [4, 64] are not images; give their size with"
                + " imageSize(rows, columns)", assertThrows(IllegalArgumentException.class,
                        () -> new ImageAugmentation().apply(Tensor.zeros(4, 64), new Rng(0))).getMessage());
        assertEquals("ImageAugmentation: features of shape [4, 65] do not hold images of 8 x 8 pixels",
                assertThrows(IllegalArgumentException.class, () -> new ImageAugmentation().imageSize(8, 8)
                        .apply(Tensor.zeros(4, 65), new Rng(0))).getMessage());
        assertEquals("ImageTransform: values must be finite and the scale positive, got rotation 0.0, scale 0.0,"
                + " shear 0.0, shift 0.0, 0.0", assertThrows(IllegalArgumentException.class,
                        () -> new ImageTransform(0, 0, 0, 0, 0, false)).getMessage());
    }
}
