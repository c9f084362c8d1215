package org.jgrad;

import java.util.Locale;

/**
 * Prints tensors the way PyTorch does: nested brackets aligned under each other, all values in
 * one format chosen from their range (whole numbers as {@code 2.}, otherwise four decimals, or
 * scientific notation when magnitudes span more than three orders), and only the first and last
 * three entries of each dimension when there are more than 1000 elements.
 */
final class TensorFormat {

    private static final int SUMMARIZE_ABOVE = 1000;
    private static final int EDGE_ITEMS = 3;
    private static final String PREFIX = "tensor(";

    private TensorFormat() {
    }

    static String format(Tensor t) {
        Tensor values = t.detach();
        boolean summarize = values.numel() > SUMMARIZE_ABOVE;
        NumberStyle style = NumberStyle.of(values);
        StringBuilder out = new StringBuilder(PREFIX);
        appendBlock(out, values, style, summarize, PREFIX.length() + 1);
        out.append(", shape=").append(Shape.format(t.shape())).append(", dtype=").append(t.dtype());
        if (t.gradFn() != null) {
            out.append(", gradFn=").append(t.gradFn().name());
        } else if (t.isRequiresGrad()) {
            out.append(", requiresGrad=true");
        }
        return out.append(')').toString();
    }

    private static void appendBlock(StringBuilder out, Tensor t, NumberStyle style, boolean summarize, int indent) {
        if (t.dim() == 0) {
            out.append(style.format(t.item()));
            return;
        }
        int n = t.size(0);
        boolean elide = summarize && n > 2 * EDGE_ITEMS;
        String separator = t.dim() == 1 ? ", " : "," + "\n".repeat(t.dim() - 1) + " ".repeat(indent);
        out.append('[');
        for (int i = 0; i < n; i++) {
            if (elide && i == EDGE_ITEMS) {
                out.append("...").append(separator);
                i = n - EDGE_ITEMS;
            }
            if (t.dim() == 1) {
                out.append(style.pad(style.format(t.get(i))));
            } else {
                appendBlock(out, t.select(0, i), style, summarize, indent + 1);
            }
            if (i < n - 1) {
                out.append(separator);
            }
        }
        out.append(']');
    }

    /** How every number of one tensor is written, so that columns line up. */
    private record NumberStyle(Kind kind, int width) {

        enum Kind { INTEGER, WHOLE, FIXED, SCIENTIFIC }

        static NumberStyle of(Tensor t) {
            if (!t.dtype().isFloatingPoint()) {
                return widest(Kind.INTEGER, t);
            }
            double maxAbs = 0;
            double minAbs = Double.POSITIVE_INFINITY;
            boolean whole = true;
            for (double v : t.toDoubleArray()) {
                if (!Double.isFinite(v)) {
                    continue;
                }
                whole &= v == Math.rint(v);
                double a = Math.abs(v);
                maxAbs = Math.max(maxAbs, a);
                if (a > 0) {
                    minAbs = Math.min(minAbs, a);
                }
            }
            if (whole) {
                return widest(maxAbs >= 1e8 ? Kind.SCIENTIFIC : Kind.WHOLE, t);
            }
            boolean wideRange = maxAbs / minAbs > 1000 || maxAbs > 1e8 || minAbs < 1e-4;
            return widest(wideRange ? Kind.SCIENTIFIC : Kind.FIXED, t);
        }

        private static NumberStyle widest(Kind kind, Tensor t) {
            NumberStyle style = new NumberStyle(kind, 0);
            int width = 0;
            for (double v : t.toDoubleArray()) {
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
                case FIXED -> String.format(Locale.ROOT, "%.4f", v);
                case SCIENTIFIC -> String.format(Locale.ROOT, "%.4e", v);
            };
        }

        String pad(String s) {
            return " ".repeat(Math.max(0, width - s.length())) + s;
        }
    }
}
