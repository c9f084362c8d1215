package org.jgrad.data;

import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * One affine change of an image about its centre: a horizontal flip, then scaling, shearing
 * along the columns, rotation, and finally a shift. Each output pixel reads the input at the
 * point the inverse change maps it to; points outside the image read 0. With rows counted
 * downwards, a positive rotation turns the image clockwise as displayed, a positive
 * {@code shiftX} moves it right (towards higher columns), a positive {@code shiftY} down.
 *
 * @param rotation degrees
 * @param scale the zoom factor (above 1 enlarges)
 * @param shear degrees: column offsets grow by {@code tan(shear)} per row below the centre
 * @param shiftX columns, may be fractional
 * @param shiftY rows, may be fractional
 * @param flip whether to mirror left and right first
 */
public record ImageTransform(double rotation, double scale, double shear, double shiftX, double shiftY, boolean flip) {

    /** The transform that changes nothing. */
    public static final ImageTransform IDENTITY = new ImageTransform(0, 1, 0, 0, 0, false);

    /** Checks that the values are finite and the scale positive. */
    public ImageTransform {
        if (!(scale > 0) || !Double.isFinite(scale + rotation + shear + shiftX + shiftY)) {
            throw new IllegalArgumentException("ImageTransform: values must be finite and the scale positive, got "
                    + "rotation " + rotation + ", scale " + scale + ", shear " + shear + ", shift " + shiftX + ", "
                    + shiftY);
        }
    }

    /** {@code images} of shape {@code […, rows, columns]} (at least 2-D), every image changed alike. */
    public Tensor apply(Tensor images, Interpolation interpolation) {
        int[] shape = images.shape();
        if (shape.length < 2) {
            throw new IllegalArgumentException("ImageTransform: images need shape [..., rows, columns], got "
                    + Shape.format(shape));
        }
        int rows = shape[shape.length - 2];
        int columns = shape[shape.length - 1];
        float[] in = images.toFloatArray();
        float[] out = new float[in.length];
        for (int offset = 0; offset < in.length; offset += rows * columns) {
            apply(in, out, offset, rows, columns, interpolation);
        }
        return Tensor.of(out, shape).to(images.dtype());
    }

    /** Transforms the image of {@code rows × columns} at {@code offset} of {@code in} into {@code out}. */
    void apply(float[] in, float[] out, int offset, int rows, int columns, Interpolation interpolation) {
        double angle = Math.toRadians(rotation);
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        double tan = StrictMath.tan(Math.toRadians(shear));
        double mirror = flip ? -1 : 1;
        // forward matrix [[a, b], [c, d]] = rotation · shear · scale · flip, and its inverse
        double a = cos * scale * mirror;
        double b = (cos * tan - sin) * scale;
        double c = sin * scale * mirror;
        double d = (sin * tan + cos) * scale;
        double det = a * d - b * c;
        double centreX = (columns - 1) / 2.0;
        double centreY = (rows - 1) / 2.0;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                double dx = x - centreX - shiftX;
                double dy = y - centreY - shiftY;
                double sourceX = (d * dx - b * dy) / det + centreX;
                double sourceY = (a * dy - c * dx) / det + centreY;
                out[offset + y * columns + x] = interpolation == Interpolation.NEAREST
                        ? pixel(in, offset, rows, columns, Math.floor(sourceX + 0.5), Math.floor(sourceY + 0.5))
                        : bilinear(in, offset, rows, columns, sourceX, sourceY);
            }
        }
    }

    private static float bilinear(float[] in, int offset, int rows, int columns, double x, double y) {
        double x0 = Math.floor(x);
        double y0 = Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (float) ((1 - fy) * ((1 - fx) * pixel(in, offset, rows, columns, x0, y0)
                + fx * pixel(in, offset, rows, columns, x0 + 1, y0))
                + fy * ((1 - fx) * pixel(in, offset, rows, columns, x0, y0 + 1)
                + fx * pixel(in, offset, rows, columns, x0 + 1, y0 + 1)));
    }

    /** The pixel at whole coordinates {@code (x, y)}, or 0 outside the image. */
    private static float pixel(float[] in, int offset, int rows, int columns, double x, double y) {
        return x < 0 || y < 0 || x >= columns || y >= rows ? 0 : in[offset + (int) y * columns + (int) x];
    }
}
