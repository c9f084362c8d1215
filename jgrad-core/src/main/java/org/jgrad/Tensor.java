package org.jgrad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jgrad.autograd.Engine;
import org.jgrad.autograd.Function;
import org.jgrad.autograd.ops.Abs;
import org.jgrad.autograd.ops.Add;
import org.jgrad.autograd.ops.Clamp;
import org.jgrad.autograd.ops.Concat;
import org.jgrad.autograd.ops.Copy;
import org.jgrad.autograd.ops.Div;
import org.jgrad.autograd.ops.Exp;
import org.jgrad.autograd.ops.Expand;
import org.jgrad.autograd.ops.Extremum;
import org.jgrad.autograd.ops.Gather;
import org.jgrad.autograd.ops.IndexedExtremum;
import org.jgrad.autograd.ops.Kernels;
import org.jgrad.autograd.ops.Linear;
import org.jgrad.autograd.ops.Log;
import org.jgrad.autograd.ops.LogSoftmax;
import org.jgrad.autograd.ops.LogSumExp;
import org.jgrad.autograd.ops.MatMul;
import org.jgrad.autograd.ops.Mul;
import org.jgrad.autograd.ops.Neg;
import org.jgrad.autograd.ops.Permute;
import org.jgrad.autograd.ops.Pow;
import org.jgrad.autograd.ops.Reciprocal;
import org.jgrad.autograd.ops.ReduceExtremum;
import org.jgrad.autograd.ops.Relu;
import org.jgrad.autograd.ops.Reshape;
import org.jgrad.autograd.ops.ScatterAdd;
import org.jgrad.autograd.ops.Sigmoid;
import org.jgrad.autograd.ops.Sign;
import org.jgrad.autograd.ops.Slice;
import org.jgrad.autograd.ops.Sqrt;
import org.jgrad.autograd.ops.Sub;
import org.jgrad.autograd.ops.Sum;
import org.jgrad.autograd.ops.Tanh;
import org.jgrad.autograd.ops.Where;
import org.jgrad.autograd.ops.Workspace;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.Storage;
import org.jgrad.backend.Strided;

/**
 * An n-dimensional array of float32 (the default), float64 or int64 values that records the
 * operations applied to it, so that {@link #backward()} can compute gradients.
 *
 * <p>Elements live in a {@link Storage} read through a shape, strides and an offset; views
 * ({@link #reshape}, {@link #transpose}, {@link #slice}, {@link #expand} …) share the storage of
 * the tensor they come from, and gradients flow through them to it. Binary operations broadcast
 * as NumPy and PyTorch do and promote float32 with float64 to float64. Comparisons return masks
 * of 0 and 1 in the operands' type. Tensors are immutable through this API: every operation
 * returns a new tensor.
 *
 * <p>Gradients: call {@link #requiresGrad()} on inputs, compute, and call {@link #backward()}
 * on a scalar result; each input's {@link #grad()} then holds the derivative. Subgradients at
 * kinks: {@code relu'(0) = 0}, {@code abs'(0) = 0}, {@code sign' = 0}; ties in {@link #amax}
 * and {@link #maximum} share the gradient evenly, {@link #max(int, boolean)} gives it to the
 * first maximal element.
 */
public final class Tensor {

    private final Storage storage;
    private final DType dtype;
    private final int[] shape;
    private final int[] strides;
    private final int offset;
    private final Function gradFn;
    private boolean requiresGrad;
    private boolean retainsGrad;
    private Tensor grad;
    /** Whether {@link #grad} is a buffer of this tensor's own, which {@link #zeroGrad()} may keep for reuse. */
    private boolean gradIsOwn;
    /** The gradient buffer {@link #zeroGrad()} kept for the next backward to write into, or null. */
    private Tensor spareGrad;
    /** Whether {@link #spareGrad} was handed to a backward rule to write this pass's gradient into. */
    private boolean spareGradClaimed;

    private Tensor(Storage storage, int[] shape, int[] strides, int offset, Function gradFn) {
        this.storage = storage;
        this.dtype = DType.of(storage);
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.gradFn = gradFn;
        this.requiresGrad = gradFn != null;
    }

    // ---------------------------------------------------------------- creation

    /**
     * A tensor reading {@code storage} with the given shape, strides and offset, sharing it. Fails
     * when an element would fall outside the storage.
     */
    public static Tensor fromStorage(Storage storage, int[] shape, int[] strides, int offset) {
        Shape.checkShape("fromStorage", shape);
        if (strides.length != shape.length) {
            throw new IllegalArgumentException("fromStorage: " + strides.length + " strides for shape "
                    + Shape.format(shape));
        }
        if (Shape.numel(shape) > 0) {
            long last = offset;
            for (int d = 0; d < shape.length; d++) {
                if (strides[d] < 0) {
                    throw new IllegalArgumentException("fromStorage: negative stride " + strides[d] + " in dimension " + d);
                }
                last += (long) (shape[d] - 1) * strides[d];
            }
            if (offset < 0 || last >= storage.size()) {
                throw new IllegalArgumentException("fromStorage: shape " + Shape.format(shape) + " with strides "
                        + Arrays.toString(strides) + " and offset " + offset + " reaches element " + last
                        + " of a storage of " + storage.size());
            }
        }
        return new Tensor(storage, shape.clone(), strides.clone(), offset, null);
    }

    private static Tensor packed(Storage storage, int[] shape) {
        Shape.checkShape("tensor", shape);
        if (storage.size() != Shape.numel(shape)) {
            throw new IllegalArgumentException("of: " + storage.size() + " values cannot fill shape "
                    + Shape.format(shape) + " (" + Shape.numel(shape) + " elements)");
        }
        return new Tensor(storage, shape.clone(), Strided.rowMajorStrides(shape), 0, null);
    }

    /** A float32 tensor holding a copy of {@code values}; without a shape it is 1-D. */
    public static Tensor of(float[] values, int... shape) {
        return packed(new Storage.Floats(values.clone()), shape.length == 0 ? new int[] {values.length} : shape);
    }

    /** A float64 tensor holding a copy of {@code values}; without a shape it is 1-D. */
    public static Tensor of(double[] values, int... shape) {
        return packed(new Storage.Doubles(values.clone()), shape.length == 0 ? new int[] {values.length} : shape);
    }

    /** An int64 tensor (indices, labels) holding a copy of {@code values}; without a shape it is 1-D. */
    public static Tensor of(long[] values, int... shape) {
        return packed(new Storage.Longs(values.clone()), shape.length == 0 ? new int[] {values.length} : shape);
    }

    /** A float32 scalar (0-dimensional tensor). */
    public static Tensor scalar(double value) {
        return scalar(value, DType.FLOAT32);
    }

    /** A scalar of the given dtype. */
    public static Tensor scalar(double value, DType dtype) {
        return full(value, dtype);
    }

    /** A float32 tensor of zeros. */
    public static Tensor zeros(int... shape) {
        return zeros(DType.FLOAT32, shape);
    }

    /** A tensor of zeros of the given dtype. */
    public static Tensor zeros(DType dtype, int... shape) {
        Shape.checkShape("zeros", shape);
        return Kernels.allocate(dtype, shape);
    }

    /** A float32 tensor of ones. */
    public static Tensor ones(int... shape) {
        return full(1.0, DType.FLOAT32, shape);
    }

    /** A tensor of ones of the given dtype. */
    public static Tensor ones(DType dtype, int... shape) {
        return full(1.0, dtype, shape);
    }

    /** A float32 tensor with every element equal to {@code value}. */
    public static Tensor full(double value, int... shape) {
        return full(value, DType.FLOAT32, shape);
    }

    /** A tensor of the given dtype with every element equal to {@code value}. */
    public static Tensor full(double value, DType dtype, int... shape) {
        Tensor out = zeros(dtype, shape);
        for (int i = 0, n = out.numel(); i < n; i++) {
            out.storage.set(i, value);
        }
        return out;
    }

    /** The {@code n × n} float32 identity matrix. */
    public static Tensor eye(int n) {
        Tensor out = zeros(n, n);
        for (int i = 0; i < n; i++) {
            out.storage.set(i * n + i, 1.0);
        }
        return out;
    }

    /** The int64 values {@code 0, 1, …, end − 1}, as {@code torch.arange(end)}. */
    public static Tensor arange(long end) {
        int n = (int) Math.max(0, end);
        long[] values = new long[n];
        Arrays.setAll(values, i -> i);
        return of(values, n);
    }

    /** Float32 values from {@code start} (inclusive) to {@code end} (exclusive) by {@code step}. */
    public static Tensor arange(double start, double end, double step) {
        if (step == 0 || !Double.isFinite(step) || !Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("arange: need finite start, end and a non-zero step, got "
                    + start + ", " + end + ", " + step);
        }
        int n = (int) Math.max(0, Math.ceil((end - start) / step));
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (start + i * step);
        }
        return of(values, n);
    }

    /** {@code steps} evenly spaced float32 values from {@code start} to {@code end}, both included. */
    public static Tensor linspace(double start, double end, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("linspace: steps must be non-negative, got " + steps);
        }
        float[] values = new float[steps];
        double delta = steps > 1 ? (end - start) / (steps - 1) : 0;
        for (int i = 0; i < steps; i++) {
            values[i] = (float) (i == steps - 1 && steps > 1 ? end : start + i * delta);
        }
        return of(values, steps);
    }

    /** Float32 values drawn uniformly from {@code [0, 1)}. */
    public static Tensor rand(Rng rng, int... shape) {
        return rand(rng, DType.FLOAT32, shape);
    }

    /** Values of the given floating-point dtype drawn uniformly from {@code [0, 1)}. */
    public static Tensor rand(Rng rng, DType dtype, int... shape) {
        Tensor out = zeros(floatingType("rand", dtype), shape);
        for (int i = 0, n = out.numel(); i < n; i++) {
            out.storage.set(i, dtype == DType.FLOAT32 ? rng.nextFloat() : rng.nextDouble());
        }
        return out;
    }

    /** Float32 values drawn from the standard normal distribution. */
    public static Tensor randn(Rng rng, int... shape) {
        return randn(rng, DType.FLOAT32, shape);
    }

    /** Values of the given floating-point dtype drawn from the standard normal distribution. */
    public static Tensor randn(Rng rng, DType dtype, int... shape) {
        Tensor out = zeros(floatingType("randn", dtype), shape);
        for (int i = 0, n = out.numel(); i < n; i++) {
            out.storage.set(i, rng.nextGaussian());
        }
        return out;
    }

    /** Float32 values drawn uniformly from {@code [low, high)}. */
    public static Tensor uniform(Rng rng, double low, double high, int... shape) {
        if (!(low < high)) {
            throw new IllegalArgumentException("uniform: low must be below high, got " + low + " and " + high);
        }
        Tensor out = zeros(shape);
        for (int i = 0, n = out.numel(); i < n; i++) {
            float v = (float) (low + (high - low) * rng.nextDouble());
            // Rounding to float can land just outside [low, high); step back in by one ulp.
            v = v < low ? Math.nextUp(v) : v;
            out.storage.set(i, v < high ? v : Math.nextDown((float) high));
        }
        return out;
    }

    /** Float32 values that are 1 with probability {@code p} and 0 otherwise. */
    public static Tensor bernoulli(Rng rng, double p, int... shape) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("bernoulli: probability must be in [0, 1], got " + p);
        }
        Tensor out = zeros(shape);
        for (int i = 0, n = out.numel(); i < n; i++) {
            out.storage.set(i, rng.nextDouble() < p ? 1 : 0);
        }
        return out;
    }

    /** Zeros with this tensor's shape and dtype. */
    public Tensor zerosLike() {
        return zeros(dtype, shape);
    }

    /** Ones with this tensor's shape and dtype. */
    public Tensor onesLike() {
        return ones(dtype, shape);
    }

    private static DType floatingType(String op, DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": needs a floating-point dtype, got " + dtype);
        }
        return dtype;
    }

    // ---------------------------------------------------------------- layout and values

    /** The extent of each dimension (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** The extent of dimension {@code dim} (negative counts from the end). */
    public int size(int dim) {
        return shape[indexedDim("size", dim)];
    }

    /**
     * {@code dim} made non-negative for an op that indexes along it. Unlike reductions, which
     * accept dimension 0 or −1 of a scalar as PyTorch does, these fail on a scalar.
     */
    private int indexedDim(String op, int dim) {
        if (shape.length == 0) {
            throw new IllegalArgumentException(op + ": a scalar has no dimension " + dim + " to index");
        }
        return Shape.normalizeDim(op, dim, shape.length);
    }

    /** The number of dimensions; 0 for a scalar. */
    public int dim() {
        return shape.length;
    }

    /** The number of elements. */
    public int numel() {
        return Shape.numel(shape);
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** How far apart, in elements of the storage, neighbours along each dimension are (a copy). */
    public int[] strides() {
        return strides.clone();
    }

    /** Where element {@code [0, 0, …]} lives in the storage. */
    public int offset() {
        return offset;
    }

    /** The storage this tensor reads, shared with its views. */
    public Storage storage() {
        return storage;
    }

    /** Whether the elements are packed in row-major order, so that views by reshape are free. */
    public boolean isContiguous() {
        return Shape.isContiguous(shape, strides);
    }

    /** The value of a one-element tensor. */
    public double item() {
        if (numel() != 1) {
            throw new IllegalStateException("item(): expected a tensor with one element, got shape "
                    + Shape.format(shape));
        }
        return storage.get(offset);
    }

    /** One element, as a double; negative indices count from the end. */
    public double get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("get: " + index.length + " indices for a tensor of shape "
                    + Shape.format(shape));
        }
        int at = offset;
        for (int d = 0; d < index.length; d++) {
            int i = index[d] < 0 ? index[d] + shape[d] : index[d];
            if (i < 0 || i >= shape[d]) {
                throw new IndexOutOfBoundsException("get: index " + index[d] + " is out of range for dimension "
                        + d + " of size " + shape[d]);
            }
            at += i * strides[d];
        }
        return storage.get(at);
    }

    /** The elements in row-major order, as floats (a copy). */
    public float[] toFloatArray() {
        if (storage instanceof Storage.Floats floats && isContiguous()) {
            return Arrays.copyOfRange(floats.data(), offset, offset + numel());
        }
        return ((Storage.Floats) Kernels.copy(this, DType.FLOAT32).storage).data();
    }

    /** The elements in row-major order, as doubles (a copy). */
    public double[] toDoubleArray() {
        if (storage instanceof Storage.Doubles doubles && isContiguous()) {
            return Arrays.copyOfRange(doubles.data(), offset, offset + numel());
        }
        return ((Storage.Doubles) Kernels.copy(this, DType.FLOAT64).storage).data();
    }

    /**
     * The elements in row-major order, as longs (a copy; floats are truncated toward zero). A
     * packed int64 tensor is copied as it is, without the backend's element-wise walk (a loss
     * checks its batch's class indices this way every step).
     */
    public long[] toLongArray() {
        if (storage instanceof Storage.Longs longs && isContiguous()) {
            return Arrays.copyOfRange(longs.data(), offset, offset + numel());
        }
        return ((Storage.Longs) Kernels.copy(this, DType.INT64).storage).data();
    }

    // ---------------------------------------------------------------- autograd

    /** Marks this tensor as an input whose gradient {@link #backward()} should compute; returns it. */
    public Tensor requiresGrad() {
        return requiresGrad(true);
    }

    /** Turns gradient tracking of this leaf tensor on or off; returns it. */
    public Tensor requiresGrad(boolean enabled) {
        if (enabled && !dtype.isFloatingPoint()) {
            throw new IllegalStateException("requiresGrad: only floating-point tensors can require gradients, got "
                    + dtype);
        }
        if (!enabled && gradFn != null) {
            throw new IllegalStateException("requiresGrad(false): this tensor was computed by " + gradFn.name()
                    + "; use detach() to get a tensor without a graph");
        }
        requiresGrad = enabled;
        return this;
    }

    /** Whether gradients flow to this tensor: a leaf marked {@link #requiresGrad()}, or a result of one. */
    public boolean isRequiresGrad() {
        return requiresGrad;
    }

    /** Whether this tensor was not computed by a recorded op (an input, a parameter, a constant). */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /** The op that computed this tensor, or {@code null} for a leaf; the way into the graph. */
    public Function gradFn() {
        return gradFn;
    }

    /** The gradient accumulated by {@link #backward()}, or {@code null} when none has reached it. */
    public Tensor grad() {
        return grad;
    }

    /** Replaces the accumulated gradient; it must have this tensor's shape. */
    public void setGrad(Tensor gradient) {
        checkGradShape("setGrad", gradient);
        grad = gradient;
        gradIsOwn = false;
        spareGrad = null;
        spareGradClaimed = false;
        Workspace.keep(gradient);
    }

    /**
     * Adds {@code gradient} (of this tensor's shape) to the accumulated gradient, as {@link
     * #backward()} does: the first one is copied into a buffer of this tensor's own (the one
     * {@link #zeroGrad()} kept, if any, unless it is that buffer already), later ones are added.
     */
    public void accumulateGrad(Tensor gradient) {
        checkGradShape("accumulateGrad", gradient);
        if (grad != null) {
            grad = grad.add(gradient).to(dtype());
        } else if (spareGrad != null) {
            if (gradient != spareGrad) {
                Kernels.copyInto(spareGrad, gradient);
            }
            grad = spareGrad;
        } else {
            grad = gradient.to(dtype()).clone();
        }
        gradIsOwn = true;
        spareGrad = null;
        spareGradClaimed = false;
        Workspace.keep(grad);
    }

    /**
     * The buffer a backward rule may write this tensor's next gradient into, so that {@link
     * #accumulateGrad} need not copy it there: the one {@link #zeroGrad()} kept, handed out once
     * (a second rule reaching this tensor in the same pass computes its own); {@code null} when
     * there is none. For {@link org.jgrad.autograd.Function}'s {@code gradientBuffer}, which
     * checks that it is safe.
     */
    public Tensor claimGradBuffer() {
        if (spareGrad == null || spareGradClaimed) {
            return null;
        }
        spareGradClaimed = true;
        return spareGrad;
    }

    /**
     * Forgets the accumulated gradient, so that the next backward starts from zero. A gradient
     * that backward made is kept as the buffer the next backward writes into, so that training
     * steps do not allocate gradients again: a tensor {@link #grad()} returned before is then
     * overwritten; {@link #clone()} it to keep it.
     */
    public void zeroGrad() {
        if (gradIsOwn) {
            spareGrad = grad;
        }
        grad = null;
        gradIsOwn = false;
        spareGradClaimed = false;
    }

    private void checkGradShape(String method, Tensor gradient) {
        if (gradient != null && !Arrays.equals(gradient.shape, shape)) {
            throw new IllegalArgumentException(method + ": gradient of shape " + Shape.format(gradient.shape)
                    + " for a tensor of shape " + Shape.format(shape));
        }
    }

    /** Asks backward to keep this intermediate tensor's gradient too (leaves always keep theirs); returns it. */
    public Tensor retainGrad() {
        if (!requiresGrad) {
            throw new IllegalStateException("retainGrad: the tensor does not require grad");
        }
        retainsGrad = true;
        return this;
    }

    /** Whether backward keeps this tensor's gradient. */
    public boolean retainsGrad() {
        return retainsGrad;
    }

    /** Backpropagates from this scalar, seeding its gradient with 1, and frees the graph. */
    public void backward() {
        backward(false);
    }

    /** Backpropagates from this scalar; keeps the graph for another backward when {@code retainGraph}. */
    public void backward(boolean retainGraph) {
        if (numel() != 1) {
            throw new IllegalStateException("backward() needs a scalar output, got shape " + Shape.format(shape)
                    + "; pass a gradient of that shape");
        }
        Engine.backward(this, onesLike(), retainGraph);
    }

    /** Backpropagates from this tensor with the given gradient of the same shape, and frees the graph. */
    public void backward(Tensor gradient) {
        backward(gradient, false);
    }

    /** Backpropagates from this tensor with the given gradient; keeps the graph when {@code retainGraph}. */
    public void backward(Tensor gradient, boolean retainGraph) {
        Engine.backward(this, gradient, retainGraph);
    }

    /** The same values, sharing storage, cut from the graph: no gradient flows through it. */
    public Tensor detach() {
        return new Tensor(storage, shape, strides, offset, null);
    }

    /**
     * Overwrites this tensor's elements, in place, with {@code source} broadcast to this shape
     * and converted to this dtype; views of the same storage see the change. Meant for loading
     * and updating parameters: a tensor that requires grad may only be changed while no graph is
     * recorded ({@link org.jgrad.autograd.GradMode#noGrad()}), so that no recorded op reads
     * values that changed under it. Returns this tensor.
     */
    public Tensor copyFrom(Tensor source) {
        if (requiresGrad && org.jgrad.autograd.GradMode.isEnabled()) {
            throw new IllegalStateException("copyFrom: cannot change a tensor that requires grad while the graph"
                    + " is recorded; do it inside GradMode.noGrad()");
        }
        Kernels.copyInto(this, source);
        return this;
    }

    /**
     * The same values, sharing storage, recorded as the result of {@code fn}. Called by {@link
     * Function#apply()} when it records the graph.
     */
    public Tensor withGradFn(Function fn) {
        return new Tensor(storage, shape, strides, offset, fn);
    }

    // ---------------------------------------------------------------- element-wise

    /** {@code this + other}, broadcasting. */
    public Tensor add(Tensor other) {
        return new Add(this, other).apply();
    }

    /** {@code this + value}. */
    public Tensor add(double value) {
        return add(scalarLike(value));
    }

    /** {@code this − other}, broadcasting. */
    public Tensor sub(Tensor other) {
        return new Sub(this, other).apply();
    }

    /** {@code this − value}. */
    public Tensor sub(double value) {
        return sub(scalarLike(value));
    }

    /** {@code this · other} element-wise, broadcasting. */
    public Tensor mul(Tensor other) {
        return new Mul(this, other).apply();
    }

    /** {@code this · value}. */
    public Tensor mul(double value) {
        return mul(scalarLike(value));
    }

    /** {@code this / other} element-wise, broadcasting; integers divide as floats. */
    public Tensor div(Tensor other) {
        return new Div(floating(), other.floating()).apply();
    }

    /** {@code this / value}. */
    public Tensor div(double value) {
        return div(scalarLike(value));
    }

    /** {@code −this}. */
    public Tensor neg() {
        return new Neg(this).apply();
    }

    /** {@code thisᵉˣᵖᵒⁿᵉⁿᵗ}. */
    public Tensor pow(double exponent) {
        return pow(floating().scalarLike(exponent));
    }

    /** {@code this} raised element-wise to {@code exponent}, broadcasting. */
    public Tensor pow(Tensor exponent) {
        return new Pow(floating(), exponent).apply();
    }

    /** {@code eˣ}. */
    public Tensor exp() {
        return new Exp(floating()).apply();
    }

    /** The natural logarithm. */
    public Tensor log() {
        return new Log(floating()).apply();
    }

    /** The square root. */
    public Tensor sqrt() {
        return new Sqrt(floating()).apply();
    }

    /** {@code 1 / x}. */
    public Tensor reciprocal() {
        return new Reciprocal(floating()).apply();
    }

    /** {@code |x|}; its subgradient at 0 is 0. */
    public Tensor abs() {
        return new Abs(this).apply();
    }

    /** −1, 0 or 1 by the sign of each element; its gradient is 0. */
    public Tensor sign() {
        return new Sign(this).apply();
    }

    /** The logistic function {@code 1 / (1 + e⁻ˣ)}. */
    public Tensor sigmoid() {
        return new Sigmoid(floating()).apply();
    }

    /** The hyperbolic tangent. */
    public Tensor tanh() {
        return new Tanh(floating()).apply();
    }

    /** {@code max(0, x)}; its subgradient at 0 is 0. */
    public Tensor relu() {
        return new Relu(this).apply();
    }

    /** The element-wise minimum, broadcasting; ties share the gradient. NaN wins. */
    public Tensor minimum(Tensor other) {
        return new Extremum(this, other, false).apply();
    }

    /** The element-wise maximum, broadcasting; ties share the gradient. NaN wins. */
    public Tensor maximum(Tensor other) {
        return new Extremum(this, other, true).apply();
    }

    /** Each element limited to {@code [low, high]}; use ±infinity for a one-sided clamp. */
    public Tensor clamp(double low, double high) {
        if (low > high) {
            throw new IllegalArgumentException("clamp: low " + low + " is above high " + high);
        }
        return new Clamp(this, low, high).apply();
    }

    /** {@code mask ? a : b} element-wise, all three broadcast together; the mask is read as non-zero = true. */
    public static Tensor where(Tensor mask, Tensor a, Tensor b) {
        return new Where(mask, a, b).apply();
    }

    /** 1 where {@code this == other}, else 0. */
    public Tensor eq(Tensor other) {
        return Kernels.zip("eq", BinaryOp.EQ, this, other);
    }

    /** 1 where {@code this == value}, else 0. */
    public Tensor eq(double value) {
        return eq(scalarLike(value));
    }

    /** 1 where {@code this != other}, else 0. */
    public Tensor ne(Tensor other) {
        return Kernels.zip("ne", BinaryOp.NE, this, other);
    }

    /** 1 where {@code this != value}, else 0. */
    public Tensor ne(double value) {
        return ne(scalarLike(value));
    }

    /** 1 where {@code this < other}, else 0. */
    public Tensor lt(Tensor other) {
        return Kernels.zip("lt", BinaryOp.LT, this, other);
    }

    /** 1 where {@code this < value}, else 0. */
    public Tensor lt(double value) {
        return lt(scalarLike(value));
    }

    /** 1 where {@code this <= other}, else 0. */
    public Tensor le(Tensor other) {
        return Kernels.zip("le", BinaryOp.LE, this, other);
    }

    /** 1 where {@code this <= value}, else 0. */
    public Tensor le(double value) {
        return le(scalarLike(value));
    }

    /** 1 where {@code this > other}, else 0. */
    public Tensor gt(Tensor other) {
        return Kernels.zip("gt", BinaryOp.GT, this, other);
    }

    /** 1 where {@code this > value}, else 0. */
    public Tensor gt(double value) {
        return gt(scalarLike(value));
    }

    /** 1 where {@code this >= other}, else 0. */
    public Tensor ge(Tensor other) {
        return Kernels.zip("ge", BinaryOp.GE, this, other);
    }

    /** 1 where {@code this >= value}, else 0. */
    public Tensor ge(double value) {
        return ge(scalarLike(value));
    }

    private Tensor scalarLike(double value) {
        boolean integral = value == Math.rint(value) && Math.abs(value) < 0x1p53;
        return scalar(value, dtype.isFloatingPoint() || integral ? dtype : DType.FLOAT32);
    }

    private Tensor floating() {
        return dtype.isFloatingPoint() ? this : to(DType.FLOAT32);
    }

    // ---------------------------------------------------------------- reductions

    /** The sum of all elements, as a scalar. */
    public Tensor sum() {
        return sum(new int[0], false);
    }

    /** The sum over {@code dim}, which is dropped. */
    public Tensor sum(int dim) {
        return sum(new int[] {dim}, false);
    }

    /** The sum over {@code dim}, kept with extent 1 when {@code keepDim}. */
    public Tensor sum(int dim, boolean keepDim) {
        return sum(new int[] {dim}, keepDim);
    }

    /** The sum over {@code dims} (all when empty), kept with extent 1 when {@code keepDim}. */
    public Tensor sum(int[] dims, boolean keepDim) {
        return new Sum(this, Shape.normalizeDims("sum", dims, dim()), keepDim).apply();
    }

    /** The mean of all elements, as a scalar. */
    public Tensor mean() {
        return mean(new int[0], false);
    }

    /** The mean over {@code dim}, kept with extent 1 when {@code keepDim}. */
    public Tensor mean(int dim, boolean keepDim) {
        return mean(new int[] {dim}, keepDim);
    }

    /** The mean over {@code dims} (all when empty), kept with extent 1 when {@code keepDim}. */
    public Tensor mean(int[] dims, boolean keepDim) {
        int[] normalized = Shape.normalizeDims("mean", dims, dim());
        return floating().sum(normalized, keepDim).div(count(normalized));
    }

    /** The unbiased variance of all elements (correction 1), as a scalar. */
    public Tensor var() {
        return var(new int[0], 1, false);
    }

    /**
     * The variance over {@code dims} (all when empty): {@code Σ (x − mean)² / (N − correction)};
     * correction 1 gives the unbiased estimate, 0 the population variance.
     */
    public Tensor var(int[] dims, double correction, boolean keepDim) {
        int[] normalized = Shape.normalizeDims("var", dims, dim());
        Tensor x = floating();
        Tensor centered = x.sub(x.mean(normalized, true));
        return centered.mul(centered).sum(normalized, keepDim).div(Math.max(0, count(normalized) - correction));
    }

    /** The unbiased standard deviation of all elements, as a scalar. */
    public Tensor std() {
        return std(new int[0], 1, false);
    }

    /** The square root of {@link #var(int[], double, boolean)}. */
    public Tensor std(int[] dims, double correction, boolean keepDim) {
        return var(dims, correction, keepDim).sqrt();
    }

    private int count(int[] dims) {
        int n = 1;
        for (int d : dims) {
            n *= d < shape.length ? shape[d] : 1;
        }
        return n;
    }

    /** The largest element, as a scalar; NaN if any element is NaN. */
    public Tensor max() {
        return amax(new int[0], false);
    }

    /** The smallest element, as a scalar; NaN if any element is NaN. */
    public Tensor min() {
        return amin(new int[0], false);
    }

    /** The maximum along {@code dim} and the index of its first occurrence. */
    public IndexedValues max(int dim, boolean keepDim) {
        return new IndexedExtremum(this, ReduceOp.MAX, extremumDims("max", dim)[0], keepDim).values();
    }

    /** The minimum along {@code dim} and the index of its first occurrence. */
    public IndexedValues min(int dim, boolean keepDim) {
        return new IndexedExtremum(this, ReduceOp.MIN, extremumDims("min", dim)[0], keepDim).values();
    }

    /** The maximum over {@code dims} (all when empty); ties share the gradient. */
    public Tensor amax(int[] dims, boolean keepDim) {
        return new ReduceExtremum(this, ReduceOp.MAX, extremumDims("amax", dims), keepDim).apply();
    }

    /** The minimum over {@code dims} (all when empty); ties share the gradient. */
    public Tensor amin(int[] dims, boolean keepDim) {
        return new ReduceExtremum(this, ReduceOp.MIN, extremumDims("amin", dims), keepDim).apply();
    }

    /** The flat row-major index of the first largest element, as an int64 scalar. */
    public Tensor argmax() {
        return reshape(-1).argmax(0, false);
    }

    /** The index of the first largest element along {@code dim}, as int64. */
    public Tensor argmax(int dim, boolean keepDim) {
        return Kernels.reduceWithIndex(ReduceOp.MAX, this, extremumDims("argmax", dim)[0], keepDim).indices();
    }

    /** The flat row-major index of the first smallest element, as an int64 scalar. */
    public Tensor argmin() {
        return reshape(-1).argmin(0, false);
    }

    /** The index of the first smallest element along {@code dim}, as int64. */
    public Tensor argmin(int dim, boolean keepDim) {
        return Kernels.reduceWithIndex(ReduceOp.MIN, this, extremumDims("argmin", dim)[0], keepDim).indices();
    }

    /** Normalized dimensions for a maximum or minimum, which has no value over an empty dimension. */
    private int[] extremumDims(String op, int... dims) {
        int[] normalized = Shape.normalizeDims(op, dims, dim());
        for (int d : normalized) {
            if (d < shape.length && shape[d] == 0) {
                throw new IllegalArgumentException(op + ": cannot reduce dimension " + d + " of size 0 (shape "
                        + Shape.format(shape) + ")");
            }
        }
        return normalized;
    }

    /** {@code log Σ exp(x)} over {@code dim}, computed without overflow. */
    public Tensor logSumExp(int dim, boolean keepDim) {
        return logSumExp(new int[] {dim}, keepDim);
    }

    /** {@code log Σ exp(x)} over {@code dims} (all when empty), computed without overflow. */
    public Tensor logSumExp(int[] dims, boolean keepDim) {
        return new LogSumExp(floating(), Shape.normalizeDims("logSumExp", dims, dim()), keepDim).apply();
    }

    /** {@code exp(x) / Σ exp(x)} along {@code dim}: each slice becomes a probability distribution. */
    public Tensor softmax(int dim) {
        return logSoftmax(dim).exp();
    }

    /**
     * {@code x − log Σ exp(x)} along {@code dim}: the log of {@link #softmax}, without its
     * rounding. One graph node ({@code LogSoftmax}), computed line by line without overflow.
     */
    public Tensor logSoftmax(int dim) {
        Tensor x = floating();
        return new LogSoftmax(x, Shape.normalizeDim("logSoftmax", dim, dim())).apply();
    }

    // ---------------------------------------------------------------- linear algebra

    /**
     * The matrix product with PyTorch's rules: vector·vector is a dot product, a vector on the
     * left (right) is a row (column) that is dropped afterwards, and tensors of rank above 2 are
     * stacks of matrices whose batch dimensions broadcast.
     */
    public Tensor matmul(Tensor other) {
        if (dim() == 0 || other.dim() == 0) {
            throw new IllegalArgumentException("matmul: both arguments need at least one dimension, got shapes "
                    + Shape.format(shape) + " and " + Shape.format(other.shape));
        }
        Tensor a = dim() == 1 ? unsqueeze(0) : this;
        Tensor b = other.dim() == 1 ? other.unsqueeze(1) : other;
        if (a.size(-1) != b.size(-2)) {
            throw new IllegalArgumentException("matmul: cannot multiply " + Shape.format(shape) + " by "
                    + Shape.format(other.shape) + ": inner dimensions " + a.size(-1) + " and " + b.size(-2) + " differ");
        }
        Tensor product = new MatMul(a, b).apply();
        if (other.dim() == 1) {
            product = product.squeeze(-1);
        }
        return dim() == 1 ? product.squeeze(other.dim() == 1 ? -1 : -2) : product;
    }

    /**
     * A dense layer, {@code this·weightᵀ + bias}, as PyTorch's {@code nn.functional.linear}: one
     * graph node ({@code Linear}) whose bias add the backend does as it stores the product.
     * Input {@code [*, in]} (the leading dimensions are one batch), weight {@code [out, in]},
     * bias {@code [out]}; output {@code [*, out]}.
     */
    public Tensor linear(Tensor weight, Tensor bias) {
        return dense("linear", weight, Objects.requireNonNull(bias, "linear: bias"), false);
    }

    /** {@link #linear(Tensor, Tensor)} without a bias: {@code this·weightᵀ}. */
    public Tensor linear(Tensor weight) {
        return dense("linear", weight, null, false);
    }

    /**
     * {@code relu(this·weightᵀ + bias)} as one graph node ({@code LinearRelu}): the values and
     * gradients of {@code linear(weight, bias).relu()}, with the ReLU applied as the product is
     * stored and its mask in the same backward pass. Shapes as {@link #linear(Tensor, Tensor)}.
     */
    public Tensor linearRelu(Tensor weight, Tensor bias) {
        return dense("linearRelu", weight, Objects.requireNonNull(bias, "linearRelu: bias"), true);
    }

    /** {@link #linearRelu(Tensor, Tensor)} without a bias: {@code relu(this·weightᵀ)}. */
    public Tensor linearRelu(Tensor weight) {
        return dense("linearRelu", weight, null, true);
    }

    private Tensor dense(String op, Tensor weight, Tensor bias, boolean relu) {
        if (dim() == 0) {
            throw new IllegalArgumentException(op + ": input must have at least one dimension, got a scalar");
        }
        if (weight.dim() != 2 || weight.size(1) != size(-1)) {
            throw new IllegalArgumentException(op + ": weight must be [out, " + size(-1) + "] for input "
                    + Shape.format(shape) + ", got " + Shape.format(weight.shape()));
        }
        if (bias != null && (bias.dim() != 1 || bias.size(0) != weight.size(0))) {
            throw new IllegalArgumentException(op + ": bias must be [" + weight.size(0) + "] for weight "
                    + Shape.format(weight.shape()) + ", got " + Shape.format(bias.shape()));
        }
        Tensor rows = dim() == 2 ? this : reshape(-1, size(-1));
        Tensor y = new Linear(rows, weight, bias, relu).apply();
        if (dim() == 2) {
            return y;
        }
        int[] outShape = shape.clone();
        outShape[outShape.length - 1] = weight.size(0);
        return y.reshape(outShape);
    }

    // ---------------------------------------------------------------- views and copies

    /** The same elements under another shape (one extent may be −1): a view when possible, else a copy. */
    public Tensor reshape(int... newShape) {
        return new Reshape(this, Shape.inferReshape("reshape", shape, newShape)).apply();
    }

    /** Like {@link #reshape}, but fails instead of copying when the strides do not allow a view. */
    public Tensor view(int... newShape) {
        int[] target = Shape.inferReshape("view", shape, newShape);
        if (Shape.viewStrides(shape, strides, target) == null) {
            throw new IllegalStateException("view: shape " + Shape.format(target) + " cannot view a tensor of shape "
                    + Shape.format(shape) + " with strides " + Arrays.toString(strides) + "; use reshape() to copy");
        }
        return reshape(target);
    }

    /** All dimensions merged into one. */
    public Tensor flatten() {
        return reshape(-1);
    }

    /** The dimensions reordered: dimension {@code i} of the result is dimension {@code order[i]} (a view). */
    public Tensor permute(int... order) {
        if (order.length != dim()) {
            throw new IllegalArgumentException("permute: " + order.length + " dimensions given for a tensor of rank "
                    + dim());
        }
        Shape.normalizeDims("permute", order, dim());
        int[] resolved = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            resolved[i] = Shape.normalizeDim("permute", order[i], dim());
        }
        return new Permute(this, resolved).apply();
    }

    /** Dimensions {@code a} and {@code b} swapped (a view). */
    public Tensor transpose(int a, int b) {
        int[] order = new int[dim()];
        Arrays.setAll(order, i -> i);
        int da = Shape.normalizeDim("transpose", a, dim());
        int db = Shape.normalizeDim("transpose", b, dim());
        if (dim() == 0) {
            return this;
        }
        order[da] = db;
        order[db] = da;
        return new Permute(this, order).apply();
    }

    /** The transpose of a matrix (a view); a vector or scalar is returned as is. */
    public Tensor t() {
        if (dim() > 2) {
            throw new IllegalStateException("t: expects a tensor of rank 2 or less, got shape " + Shape.format(shape)
                    + "; use transpose(a, b)");
        }
        return dim() < 2 ? this : transpose(0, 1);
    }

    /** Indices {@code start} to {@code end} (exclusive) of dimension {@code dim} (a view). */
    public Tensor slice(int dim, int start, int end) {
        return slice(dim, start, end, 1);
    }

    /**
     * Every {@code step}-th index from {@code start} to {@code end} (exclusive) of dimension
     * {@code dim}, as Python's {@code x[start:end:step]}: negative values count from the end,
     * out-of-range values are clipped (a view).
     */
    public Tensor slice(int dim, int start, int end, int step) {
        int d = indexedDim("slice", dim);
        if (step <= 0) {
            throw new IllegalArgumentException("slice: step must be positive, got " + step);
        }
        int extent = shape[d];
        int from = Math.clamp(start < 0 ? (long) start + extent : start, 0, extent);
        int to = Math.clamp(end < 0 ? (long) end + extent : end, from, extent);
        int length = (to - from + step - 1) / step;
        return new Slice(this, d, from, length, step).apply();
    }

    /** {@code length} indices of dimension {@code dim} from {@code start} (a view). */
    public Tensor narrow(int dim, int start, int length) {
        int d = indexedDim("narrow", dim);
        if (start < 0 || length < 0 || start + length > shape[d]) {
            throw new IllegalArgumentException("narrow: [" + start + ", " + (start + length) + ") is out of range for"
                    + " dimension " + d + " of size " + shape[d]);
        }
        return slice(d, start, start + length);
    }

    /** Index {@code index} of dimension {@code dim}, which is dropped (a view). */
    public Tensor select(int dim, int index) {
        int d = indexedDim("select", dim);
        int i = index < 0 ? index + shape[d] : index;
        if (i < 0 || i >= shape[d]) {
            throw new IndexOutOfBoundsException("select: index " + index + " is out of range for dimension " + d
                    + " of size " + shape[d]);
        }
        return slice(d, i, i + 1).squeeze(d);
    }

    /** All dimensions of extent 1 removed (a view). */
    public Tensor squeeze() {
        return reshape(Arrays.stream(shape).filter(e -> e != 1).toArray());
    }

    /** Dimension {@code dim} removed if its extent is 1 (a view). */
    public Tensor squeeze(int dim) {
        int d = Shape.normalizeDim("squeeze", dim, dim());
        if (dim() == 0 || shape[d] != 1) {
            return this;
        }
        int[] out = new int[dim() - 1];
        for (int i = 0, j = 0; i < dim(); i++) {
            if (i != d) {
                out[j++] = shape[i];
            }
        }
        return reshape(out);
    }

    /** A dimension of extent 1 inserted at {@code dim} (a view); {@code dim} may be {@code dim()}. */
    public Tensor unsqueeze(int dim) {
        int d = Shape.normalizeDim("unsqueeze", dim, dim() + 1);
        int[] out = new int[dim() + 1];
        for (int i = 0, j = 0; i < out.length; i++) {
            out[i] = i == d ? 1 : shape[j++];
        }
        return reshape(out);
    }

    /**
     * This tensor repeated to {@code newShape} without copying: dimensions of extent 1 may grow,
     * new leading dimensions may be added, and −1 keeps an extent (a view).
     */
    public Tensor expand(int... newShape) {
        int[] target = newShape.clone();
        int lead = target.length - dim();
        if (lead < 0) {
            throw new IllegalArgumentException("expand: shape " + Shape.format(newShape) + " has fewer dimensions than "
                    + Shape.format(shape));
        }
        for (int d = 0; d < target.length; d++) {
            if (target[d] == -1 && d >= lead) {
                target[d] = shape[d - lead];
            }
            boolean fits = target[d] >= 0 && (d < lead || shape[d - lead] == target[d] || shape[d - lead] == 1);
            if (!fits) {
                throw new IllegalArgumentException("expand: cannot expand shape " + Shape.format(shape) + " to "
                        + Shape.format(newShape) + " (dim " + d + ")");
            }
        }
        return Arrays.equals(target, shape) ? this : new Expand(this, target).apply();
    }

    /** This tensor if it is packed in row-major order, else a packed copy. */
    public Tensor contiguous() {
        return isContiguous() ? this : new Copy(this, dtype).apply();
    }

    /** A packed copy with its own storage; gradients flow through it. */
    @Override
    public Tensor clone() {
        return new Copy(this, dtype).apply();
    }

    /** This tensor converted to {@code target}, or itself when already of that type. */
    public Tensor to(DType target) {
        return target == dtype ? this : new Copy(this, target).apply();
    }

    // ---------------------------------------------------------------- indexing

    /**
     * {@code out[p] = this[p with p[dim] = index[p]]}: for every position of the int64 {@code
     * index} (same rank; other extents no larger than this tensor's), the element it names along
     * {@code dim}.
     */
    public Tensor gather(int dim, Tensor index) {
        int d = indexedDim("gather", dim);
        checkIndexShape("gather", d, index, shape);
        Kernels.checkIndex("gather", index, shape[d], d);
        return new Gather(this, d, index).apply();
    }

    /**
     * A copy of this tensor with each {@code src[p]} added at {@code p with p[dim] = index[p]};
     * {@code index} and {@code src} have the same shape. The inverse of {@link #gather}.
     */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) {
        int d = indexedDim("scatterAdd", dim);
        if (!Arrays.equals(index.shape, src.shape)) {
            throw new IllegalArgumentException("scatterAdd: index of shape " + Shape.format(index.shape)
                    + " and src of shape " + Shape.format(src.shape) + " must have the same shape");
        }
        checkIndexShape("scatterAdd", d, index, shape);
        Kernels.checkIndex("scatterAdd", index, shape[d], d);
        return new ScatterAdd(this, d, index, src).apply();
    }

    private static void checkIndexShape(String op, int dim, Tensor index, int[] shape) {
        boolean fits = index.dim() == shape.length;
        for (int d = 0; fits && d < shape.length; d++) {
            fits = d == dim || index.shape[d] <= shape[d];
        }
        if (!fits) {
            throw new IllegalArgumentException(op + ": index of shape " + Shape.format(index.shape)
                    + " does not fit a tensor of shape " + Shape.format(shape) + " along dimension " + dim);
        }
    }

    /** The entries {@code index[0], index[1], …} of dimension {@code dim}, in that order. */
    public Tensor indexSelect(int dim, Tensor index) {
        int d = indexedDim("indexSelect", dim);
        if (index.dim() != 1) {
            throw new IllegalArgumentException("indexSelect: index must be 1-D, got shape " + Shape.format(index.shape));
        }
        Kernels.checkIndex("indexSelect", index, shape[d], d);
        int[] outShape = shape();
        outShape[d] = index.numel();
        int[] along = new int[dim()];
        Arrays.fill(along, 1);
        along[d] = index.numel();
        return new Gather(this, d, index.reshape(along).expand(outShape)).apply();
    }

    /** The tensors joined along existing dimension {@code dim}; other extents must agree. */
    public static Tensor concat(int dim, Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("concat: needs at least one tensor");
        }
        int[] first = tensors[0].shape;
        if (first.length == 0) {
            throw new IllegalArgumentException("concat: scalars have no dimension to join along; use stack");
        }
        int d = Shape.normalizeDim("concat", dim, first.length);
        for (int i = 1; i < tensors.length; i++) {
            int[] other = tensors[i].shape;
            boolean fits = other.length == first.length;
            for (int k = 0; fits && k < first.length; k++) {
                fits = k == d || other[k] == first[k];
            }
            if (!fits) {
                throw new IllegalArgumentException("concat: tensor " + i + " has shape " + Shape.format(other)
                        + ", which does not match " + Shape.format(first) + " outside dimension " + d);
            }
        }
        return new Concat(d, tensors).apply();
    }

    /** The tensors joined along existing dimension {@code dim}. */
    public static Tensor concat(int dim, List<Tensor> tensors) {
        return concat(dim, tensors.toArray(Tensor[]::new));
    }

    /** Tensors of equal shape stacked along a new dimension {@code dim}. */
    public static Tensor stack(int dim, Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("stack: needs at least one tensor");
        }
        for (int i = 1; i < tensors.length; i++) {
            if (!Arrays.equals(tensors[i].shape, tensors[0].shape)) {
                throw new IllegalArgumentException("stack: tensor " + i + " has shape " + Shape.format(tensors[i].shape)
                        + ", expected " + Shape.format(tensors[0].shape));
            }
        }
        int d = Shape.normalizeDim("stack", dim, tensors[0].dim() + 1);
        return concat(d, Arrays.stream(tensors).map(t -> t.unsqueeze(d)).toArray(Tensor[]::new));
    }

    /** Tensors of equal shape stacked along a new dimension {@code dim}. */
    public static Tensor stack(int dim, List<Tensor> tensors) {
        return stack(dim, tensors.toArray(Tensor[]::new));
    }

    /** Views of consecutive pieces of {@code size} along {@code dim}; the last may be shorter. */
    public List<Tensor> split(int size, int dim) {
        int d = indexedDim("split", dim);
        if (size <= 0) {
            throw new IllegalArgumentException("split: size must be positive, got " + size);
        }
        List<Tensor> pieces = new ArrayList<>();
        for (int start = 0; start < shape[d]; start += size) {
            pieces.add(slice(d, start, Math.min(start + size, shape[d])));
        }
        return pieces;
    }

    /** Views of consecutive pieces with the given sizes along {@code dim}, which must add up to its extent. */
    public List<Tensor> split(int[] sizes, int dim) {
        int d = indexedDim("split", dim);
        if (Arrays.stream(sizes).anyMatch(s -> s < 0) || Arrays.stream(sizes).sum() != shape[d]) {
            throw new IllegalArgumentException("split: sizes " + Arrays.toString(sizes) + " do not add up to "
                    + shape[d] + ", the extent of dimension " + d);
        }
        List<Tensor> pieces = new ArrayList<>();
        int start = 0;
        for (int size : sizes) {
            pieces.add(slice(d, start, start + size));
            start += size;
        }
        return pieces;
    }

    /** At most {@code chunks} views of equal size (the last may be smaller) along {@code dim}. */
    public List<Tensor> chunk(int chunks, int dim) {
        if (chunks <= 0) {
            throw new IllegalArgumentException("chunk: number of chunks must be positive, got " + chunks);
        }
        int extent = size(dim);
        return split(Math.max(1, (extent + chunks - 1) / chunks), dim);
    }

    // ---------------------------------------------------------------- printing

    /**
     * The values as PyTorch prints them (elided with {@code ...} when large), then shape, dtype
     * and gradient tracking, e.g. {@code tensor([1., 2.], shape=[2], dtype=float32, requiresGrad=true)}.
     */
    @Override
    public String toString() {
        return TensorFormat.format(this);
    }
}
