package org.jgrad.data;

import org.jgrad.Rng;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * Random geometric changes of images, a fresh {@link ImageTransform} for every image of every
 * batch: shifts, small rotations, scaling, shear and horizontal flips, each off until
 * configured. The images are the features' last two dimensions ({@code [n, rows, columns]} or
 * {@code [n, channels, rows, columns]}, channels changed alike), or flat rows of
 * {@link #imageSize(int, int)} pixels.
 *
 * <pre>{@code
 * var augmentation = new ImageAugmentation().shift(2).rotation(10).scale(0.1);
 * var loader = DataLoader.of(train, 64).shuffle(new Rng(0)).augment(augmentation, new Rng(1));
 * }</pre>
 *
 * <p>Horizontal flips suit natural images and clothes, not digits or letters.
 */
public final class ImageAugmentation implements Augmentation {

    private final double maxShift;
    private final double maxRotation;
    private final double maxScale;
    private final double maxShear;
    private final boolean flip;
    private final Interpolation interpolation;
    private final int rows;
    private final int columns;

    /** No change at all, bilinear sampling; the methods below switch changes on. */
    public ImageAugmentation() {
        this(0, 0, 0, 0, false, Interpolation.BILINEAR, 0, 0);
    }

    private ImageAugmentation(double maxShift, double maxRotation, double maxScale, double maxShear, boolean flip,
            Interpolation interpolation, int rows, int columns) {
        this.maxShift = maxShift;
        this.maxRotation = maxRotation;
        this.maxScale = maxScale;
        this.maxShear = maxShear;
        this.flip = flip;
        this.interpolation = interpolation;
        this.rows = rows;
        this.columns = columns;
    }

    /** Shifts each image by up to {@code pixels} (uniform, fractional) along each axis. */
    public ImageAugmentation shift(double pixels) {
        return new ImageAugmentation(check("shift", pixels, Double.POSITIVE_INFINITY), maxRotation, maxScale, maxShear,
                flip, interpolation, rows, columns);
    }

    /** Rotates each image by up to {@code degrees} either way (uniform). */
    public ImageAugmentation rotation(double degrees) {
        return new ImageAugmentation(maxShift, check("rotation", degrees, 180), maxScale, maxShear, flip,
                interpolation, rows, columns);
    }

    /** Scales each image by a factor in {@code [1 − fraction, 1 + fraction]} (uniform). */
    public ImageAugmentation scale(double fraction) {
        return new ImageAugmentation(maxShift, maxRotation, check("scale", fraction, 0.99), maxShear, flip,
                interpolation, rows, columns);
    }

    /** Shears each image by up to {@code degrees} either way (uniform). */
    public ImageAugmentation shear(double degrees) {
        return new ImageAugmentation(maxShift, maxRotation, maxScale, check("shear", degrees, 60), flip,
                interpolation, rows, columns);
    }

    /** Mirrors each image left to right with probability 1/2. */
    public ImageAugmentation horizontalFlip() {
        return new ImageAugmentation(maxShift, maxRotation, maxScale, maxShear, true, interpolation, rows, columns);
    }

    /** How the changed images are sampled (default {@link Interpolation#BILINEAR}). */
    public ImageAugmentation interpolation(Interpolation interpolation) {
        return new ImageAugmentation(maxShift, maxRotation, maxScale, maxShear, flip, interpolation, rows, columns);
    }

    /** Reads flat features {@code [n, channels · rows · columns]} as images of this size. */
    public ImageAugmentation imageSize(int rows, int columns) {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("ImageAugmentation: image size must be positive, got " + rows + " x "
                    + columns);
        }
        return new ImageAugmentation(maxShift, maxRotation, maxScale, maxShear, flip, interpolation, rows, columns);
    }

    /** A transform drawn for one image: each enabled change uniform in its range, the flip a fair coin. */
    public ImageTransform sample(Rng rng) {
        double rotation = maxRotation > 0 ? uniform(rng, maxRotation) : 0;
        double scale = maxScale > 0 ? 1 + uniform(rng, maxScale) : 1;
        double shear = maxShear > 0 ? uniform(rng, maxShear) : 0;
        double shiftX = maxShift > 0 ? uniform(rng, maxShift) : 0;
        double shiftY = maxShift > 0 ? uniform(rng, maxShift) : 0;
        boolean mirror = flip && rng.nextDouble() < 0.5;
        return new ImageTransform(rotation, scale, shear, shiftX, shiftY, mirror);
    }

    @Override
    public Tensor apply(Tensor features, Rng rng) {
        int[] shape = features.shape();
        int[] image = imageShape(shape);
        int pixels = image[0] * image[1];
        int perExample = shape[0] == 0 ? 0 : Shape.numel(shape) / shape[0];
        float[] in = features.toFloatArray();
        float[] out = new float[in.length];
        for (int example = 0; example < shape[0]; example++) {
            ImageTransform transform = sample(rng);
            for (int plane = 0; plane < perExample; plane += pixels) {
                transform.apply(in, out, example * perExample + plane, image[0], image[1], interpolation);
            }
        }
        return Tensor.of(out, shape).to(features.dtype());
    }

    /** {rows, columns} of the images in features of {@code shape}. */
    private int[] imageShape(int[] shape) {
        if (shape.length >= 3) {
            return new int[] {shape[shape.length - 2], shape[shape.length - 1]};
        }
        if (shape.length != 2 || rows == 0) {
            throw new IllegalArgumentException("ImageAugmentation: features of shape " + Shape.format(shape)
                    + " are not images; give their size with imageSize(rows, columns)");
        }
        if (shape[1] % (rows * columns) != 0) {
            throw new IllegalArgumentException("ImageAugmentation: features of shape " + Shape.format(shape)
                    + " do not hold images of " + rows + " x " + columns + " pixels");
        }
        return new int[] {rows, columns};
    }

    private static double uniform(Rng rng, double bound) {
        return (2 * rng.nextDouble() - 1) * bound;
    }

    private static double check(String what, double value, double limit) {
        if (!(value >= 0 && value <= limit && Double.isFinite(value))) {
            String range = Double.isInfinite(limit) ? "finite and not negative" : "in [0, " + limit + "]";
            throw new IllegalArgumentException("ImageAugmentation: " + what + " must be " + range + ", got " + value);
        }
        return value;
    }
}
