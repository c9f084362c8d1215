package org.jgrad.ops;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;

/** The inputs of the op-spec table: value domains, memory layouts, and the usual sample sets. */
final class Samples {

    private Samples() {
    }

    /**
     * How an input's values are drawn: standard-normal draws ({@link Tensor#randn}) mapped into
     * the region where the op is smooth, so that central differences see no kink or pole.
     */
    record Domain(String name, UnaryOperator<double[]> transform) {

        /** Any real value. */
        static final Domain ANY = new Domain("any", v -> v);
        /** {@code [0.5, ∞)}: for log, sqrt, reciprocal-like poles and positive bases. */
        static final Domain POSITIVE = pointwise("positive", x -> 0.5 + Math.abs(x));
        /** At least 0.05 away from 0: for relu, abs, sign and denominators. */
        static final Domain NONZERO = avoiding(0);
        /** Within {@code (−0.05, 0.05)}: the partner of {@link #NONZERO} in maximum/minimum, so no tie is near. */
        static final Domain NEAR_ZERO = pointwise("nearZero", x -> 0.049 * Math.tanh(x));
        /**
         * Values at least 0.1 apart (their ranks spread by 0.3, plus a little noise): for max, min,
         * amax and amin, which have kinks at ties. An expanded view repeats them, which ties
         * copies of one base element: the extremum is still smooth in that element.
         */
        static final Domain DISTINCT = new Domain("distinct", v -> {
            double[] out = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                int rank = 0;
                for (double w : v) {
                    rank += w < v[i] ? 1 : 0;
                }
                out[i] = 0.3 * (rank - v.length / 2.0) + 0.1 * Math.tanh(v[i]);
            }
            return out;
        });
        /** Around 1000, where a naive {@code log Σ exp} overflows. */
        static final Domain LARGE = pointwise("large", x -> 1000 + 3 * x);
        /**
         * Multiples of 1/256 in {@code (−8, 8)}: exact in float32 even after a step of
         * 2⁻¹⁰, so that an op that rounds to float32 can still be checked by differences.
         */
        static final Domain DYADIC = pointwise("dyadic", x -> Math.rint(Math.clamp(x, -7.9, 7.9) * 256) / 256);

        /** Standard normal values nudged at least 0.05 away from every point of {@code kinks}. */
        static Domain avoiding(double... kinks) {
            return pointwise("avoiding" + Arrays.toString(kinks), x -> {
                for (double k : kinks) {
                    if (Math.abs(x - k) < 0.05) {
                        x = k + Math.copySign(0.05 + Math.abs(x - k), x - k);
                    }
                }
                return x;
            });
        }

        static Domain pointwise(String name, DoubleUnaryOperator f) {
            return new Domain(name, v -> Arrays.stream(v).map(f).toArray());
        }
    }

    /** How an input is laid out in memory: the op receives a view of a freshly drawn base tensor. */
    enum Layout {
        /** Packed, row-major. */
        CONTIGUOUS(""),
        /** The transpose of a packed tensor: last two dimensions swapped (rank ≥ 2). */
        TRANSPOSED("ᵀ"),
        /** Every second element of the last dimension, from index 1: stride 2 and an offset. */
        STEPPED("::2"),
        /** A tensor of extent 1 in dimension 0, expanded: stride 0. */
        EXPANDED("↑");

        private final String mark;

        Layout(String mark) {
            this.mark = mark;
        }

        int[] baseShape(int[] shape) {
            int[] base = shape.clone();
            int r = shape.length;
            switch (this) {
                case TRANSPOSED -> {
                    base[r - 1] = shape[r - 2];
                    base[r - 2] = shape[r - 1];
                }
                case STEPPED -> base[r - 1] = 2 * shape[r - 1] + 1;
                case EXPANDED -> base[0] = 1;
                case CONTIGUOUS -> { }
            }
            return base;
        }

        Tensor view(Tensor base, int[] shape) {
            return switch (this) {
                case CONTIGUOUS -> base;
                case TRANSPOSED -> base.transpose(-1, -2);
                case STEPPED -> base.slice(-1, 1, base.size(-1), 2);
                case EXPANDED -> base.expand(shape);
            };
        }
    }

    /** One argument of an op. */
    sealed interface Input {

        /** The tensor drawn for this input, before its layout's view is taken. */
        Tensor base(Rng rng, DType dtype);

        /** The view the op receives. */
        Tensor view(Tensor base);
    }

    /** Random values of {@code domain} with {@code shape}, seen through {@code layout}. */
    record Drawn(int[] shape, Domain domain, Layout layout) implements Input {

        @Override
        public Tensor base(Rng rng, DType dtype) {
            int[] base = layout.baseShape(shape);
            double[] values = domain.transform().apply(Tensor.randn(rng, DType.FLOAT64, base).toDoubleArray());
            if (dtype == DType.FLOAT32) {
                float[] floats = new float[values.length];
                for (int i = 0; i < values.length; i++) {
                    floats[i] = (float) values[i];
                }
                return Tensor.of(floats).reshape(base);
            }
            return Tensor.of(values).reshape(base);
        }

        @Override
        public Tensor view(Tensor base) {
            Tensor v = layout.view(base, shape);
            if (!Arrays.equals(v.shape(), shape) || (layout != Layout.CONTIGUOUS && v.isContiguous() && v.offset() == 0)) {
                throw new IllegalStateException("bad sample layout " + this);
            }
            return v;
        }

        @Override
        public String toString() {
            return Arrays.toString(shape) + layout.mark + (domain == Domain.ANY ? "" : " " + domain.name());
        }
    }

    /** A fixed tensor (an int64 index or mask), passed as is; never differentiated. */
    record Fixed(Tensor value) implements Input {

        @Override
        public Tensor base(Rng rng, DType dtype) {
            return value;
        }

        @Override
        public Tensor view(Tensor base) {
            return base;
        }

        @Override
        public String toString() {
            return "index" + Arrays.toString(value.shape());
        }
    }

    /** The inputs of one call. */
    record Sample(List<Input> inputs) {

        Tensor[] bases(Rng rng, DType dtype) {
            return inputs.stream().map(in -> in.base(rng, dtype)).toArray(Tensor[]::new);
        }

        Tensor[] views(Tensor[] bases) {
            Tensor[] out = new Tensor[bases.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = inputs.get(i).view(bases[i]);
            }
            return out;
        }

        @Override
        public String toString() {
            return inputs.stream().map(Object::toString).collect(Collectors.joining(", "));
        }
    }

    // ---------------------------------------------------------------- building samples

    static Sample sample(Input... inputs) {
        return new Sample(List.of(inputs));
    }

    static Input in(Domain domain, int... shape) {
        return new Drawn(shape, domain, Layout.CONTIGUOUS);
    }

    static Input in(int... shape) {
        return in(Domain.ANY, shape);
    }

    static Input transposed(Domain domain, int... shape) {
        return new Drawn(shape, domain, Layout.TRANSPOSED);
    }

    static Input stepped(Domain domain, int... shape) {
        return new Drawn(shape, domain, Layout.STEPPED);
    }

    static Input expanded(Domain domain, int... shape) {
        return new Drawn(shape, domain, Layout.EXPANDED);
    }

    /** An int64 tensor of the given values; {@code shape} may be empty for a scalar. */
    static Input index(long[] values, int... shape) {
        return new Fixed(Tensor.of(values).reshape(shape));
    }

    /** Element-wise ops of one input: scalar, 1-D, 2-D, size-1 dims, and three non-contiguous views. */
    static List<Sample> unary(Domain d) {
        return List.of(
                sample(in(d)),
                sample(in(d, 5)),
                sample(in(d, 2, 3)),
                sample(in(d, 1, 4, 1)),
                sample(transposed(d, 2, 3)),
                sample(stepped(d, 2, 3)),
                sample(expanded(d, 2, 3)));
    }

    /** Element-wise ops of two inputs: equal shapes, scalars, broadcasting pairs and non-contiguous views. */
    static List<Sample> binary(Domain a, Domain b) {
        return List.of(
                sample(in(a), in(b)),
                sample(in(a, 4), in(b, 4)),
                sample(in(a, 2, 3), in(b, 2, 3)),
                sample(in(a, 3, 1), in(b, 4)),
                sample(in(a), in(b, 2, 3)),
                sample(in(a, 2, 3), in(b)),
                sample(in(a, 2, 1, 3), in(b, 4, 1)),
                sample(in(a, 1, 3), in(b, 2, 1)),
                sample(transposed(a, 2, 3), in(b, 2, 3)),
                sample(in(a, 3), stepped(b, 2, 3)),
                sample(expanded(a, 2, 3), in(b, 1, 3)));
    }
}
