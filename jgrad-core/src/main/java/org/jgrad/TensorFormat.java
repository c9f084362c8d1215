package org.jgrad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.stream.DoubleStream;

/**
 * Prints tensors the way PyTorch does: nested brackets aligned under each other, all values in
 * one format chosen from the range of the printed non-zero finite values (whole numbers as
 * {@code 2.}, otherwise four decimals, or scientific notation when magnitudes span more than
 * three orders), rows of a vector wrapped at 80 columns, and only the first and last three
 * entries of each dimension when there are more than 1000 elements.
 */
final class TensorFormat {

    private static final int SUMMARIZE_ABOVE = 1000;
    private static final int EDGE_ITEMS = 3;
    private static final int LINE_WIDTH = 80;
    private static final String PREFIX = "tensor(";

    private TensorFormat() {
    }

    static String format(Tensor t) {
        Tensor values = t.detach();
        boolean summarize = values.numel() > SUMMARIZE_ABOVE;
        double[] shown = summarize ? shown(values) : values.toDoubleArray();
        NumberStyle style = NumberStyle.of(values.dtype().isFloatingPoint(), shown);
        StringBuilder out = new StringBuilder(PREFIX);
        if (values.numel() == 0) {
            out.append("[]");
        } else {
            appendBlock(out, values, style, summarize, PREFIX.length() + 1);
        }
        out.append(", shape=").append(Shape.format(t.shape())).append(", dtype=").append(t.dtype());
        if (t.gradFn() != null) {
            out.append(", gradFn=").append(t.gradFn().name());
        } else if (t.isRequiresGrad()) {
            out.append(", requiresGrad=true");
        }
        return out.append(')').toString();
    }

    /** The elements a summarized tensor prints: the first and last few along every dimension. */
    private static double[] shown(Tensor t) {
        DoubleStream.Builder out = DoubleStream.builder();
        collectShown(t, out);
        return out.build().toArray();
    }

    private static void collectShown(Tensor t, DoubleStream.Builder out) {
        if (t.dim() == 0) {
            out.add(t.item());
            return;
        }
        int n = t.size(0);
        for (int i = 0; i < n; i = n > 2 * EDGE_ITEMS && i == EDGE_ITEMS - 1 ? n - EDGE_ITEMS : i + 1) {
            if (t.dim() == 1) {
                out.add(t.get(i));
            } else {
                collectShown(t.select(0, i), out);
            }
        }
    }

    /**
     * Appends {@code t} in brackets. As in PyTorch, a vector puts as many entries on a line as fit
     * in 80 columns and elides with {@code " ..."}; higher ranks put one block per line and elide
     * with {@code "..."}.
     */
    private static void appendBlock(StringBuilder out, Tensor t, NumberStyle style, boolean summarize, int indent) {
        if (t.dim() == 0) {
            out.append(style.format(t.item()));
            return;
        }
        int n = t.size(0);
        boolean elide = summarize && n > 2 * EDGE_ITEMS;
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (elide && i == EDGE_ITEMS) {
                items.add(t.dim() == 1 ? " ..." : "...");
                i = n - EDGE_ITEMS;
            }
            if (t.dim() == 1) {
                items.add(style.pad(style.format(t.get(i))));
            } else {
                StringBuilder block = new StringBuilder();
                appendBlock(block, t.select(0, i), style, summarize, indent + 1);
                items.add(block.toString());
            }
        }
        int perLine = t.dim() == 1 ? Math.max(1, (LINE_WIDTH - indent + 1) / (style.width() + 2)) : 1;
        String lineBreak = "," + "\n".repeat(Math.max(1, t.dim() - 1)) + " ".repeat(indent);
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(i % perLine == 0 ? lineBreak : ", ");
            }
            out.append(items.get(i));
        }
        out.append(']');
    }

    /** How every number of one tensor is written, so that columns line up. */
    private record NumberStyle(Kind kind, int width) {

        enum Kind { INTEGER, WHOLE, FIXED, SCIENTIFIC }

        /**
         * PyTorch's choice: integers as they are; floats by their non-zero finite values, in
         * scientific notation when the largest is over 1e8 or over 1000 times the smallest, or
         * (unless all are whole) when the smallest is under 1e-4. Non-finite values and zeros
         * neither choose the format nor widen the columns.
         */
        static NumberStyle of(boolean floatingPoint, double[] values) {
            if (!floatingPoint) {
                return widest(Kind.INTEGER, values);
            }
            double[] nonZeroFinite = Arrays.stream(values).filter(v -> v != 0 && Double.isFinite(v)).toArray();
            double maxAbs = 0;
            double minAbs = Double.POSITIVE_INFINITY;
            boolean whole = true;
            for (double v : nonZeroFinite) {
                whole &= v == Math.rint(v);
                maxAbs = Math.max(maxAbs, Math.abs(v));
                minAbs = Math.min(minAbs, Math.abs(v));
            }
            boolean wideRange = maxAbs / minAbs > 1000 || maxAbs > 1e8;
            Kind kind = whole ? (wideRange ? Kind.SCIENTIFIC : Kind.WHOLE)
                    : (wideRange || minAbs < 1e-4 ? Kind.SCIENTIFIC : Kind.FIXED);
            return widest(kind, nonZeroFinite);
        }

        private static NumberStyle widest(Kind kind, double[] values) {
            NumberStyle style = new NumberStyle(kind, 1);
            int width = 1;
            for (double v : values) {
                width = Math.max(width, style.format(v).length());
            }
            return new NumberStyle(kind, width);
        }

        String format(double v) {
            if (Double.isNaN(v)) {
                return "nan";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? "inf" : "-inf";
            }
            return switch (kind) {
                case INTEGER -> Long.toString((long) v);
                case WHOLE -> String.format(Locale.ROOT, "%.0f.", v);
                case FIXED -> signed(v, new BigDecimal(Math.abs(v)).setScale(4, RoundingMode.HALF_EVEN).toPlainString());
                case SCIENTIFIC -> signed(v, scientific(Math.abs(v)));
            };
        }

        /**
         * {@code |v|} as {@code d.dddde±XX}, rounded half-to-even from its exact binary value as
         * Python's {@code format} does (Java's {@code %e} rounds half-up on a shortened decimal).
         */
        private static String scientific(double magnitude) {
            if (magnitude == 0) {
                return "0.0000e+00";
            }
            BigDecimal rounded = new BigDecimal(magnitude).round(new MathContext(5, RoundingMode.HALF_EVEN));
            String digits = rounded.unscaledValue().toString();
            int exponent = digits.length() - rounded.scale() - 1;
            digits = (digits + "0000").substring(0, 5);
            return digits.charAt(0) + "." + digits.substring(1) + (exponent < 0 ? "e-" : "e+")
                    + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }

        /** Puts back the sign, including that of −0 and of negatives that round to zero. */
        private static String signed(double v, String magnitude) {
            return v < 0 || (v == 0 && 1 / v < 0) ? "-" + magnitude : magnitude;
        }

        String pad(String s) {
            return " ".repeat(Math.max(0, width - s.length())) + s;
        }
    }
}
