package org.jgrad.autograd.ops;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.backend.Storage;

/**
 * Recycles the arrays of one backward pass into the next on the same thread. While a pass is
 * open, every result the kernels allocate takes an array of its size that the previous pass
 * gave back, if there is one; when the pass closes, the arrays it allocated go back, except
 * those of the tensors it {@link #keep kept} (the gradients it leaves on leaves). A training
 * step thus finds its gradient buffers where the last step left them instead of allocating
 * them again: the heap sees no garbage from the backward pass and the buffers stay in cache.
 * Arrays of one size are handed out in the order they were first allocated, so a pass that
 * repeats the last one gets the very same array for each of its results.
 *
 * <p>Safe because nothing else sees those arrays: a backward rule's results reach only the
 * engine, which hands them to further rules or leaves them, {@link #keep kept}, as gradients. A
 * custom {@link org.jgrad.autograd.Function} must therefore not hold on to the tensors its
 * backward receives or makes. A backward run inside another (a rule that calls backward) joins
 * the outer pass. Only the last pass's arrays wait for reuse, so a thread holds at most one
 * pass's worth.
 */
public final class Workspace implements AutoCloseable {

    private static final ThreadLocal<Workspace> OPEN = new ThreadLocal<>();
    private static final ThreadLocal<Map<Long, ArrayDeque<Storage>>> SPARE = ThreadLocal.withInitial(HashMap::new);
    private static final Workspace NESTED = new Workspace(null);

    private final Map<Long, ArrayDeque<Storage>> spare;
    private final List<Storage> lent = new ArrayList<>();
    private final Set<Storage> kept = Collections.newSetFromMap(new IdentityHashMap<>());

    private Workspace(Map<Long, ArrayDeque<Storage>> spare) {
        this.spare = spare;
    }

    /** Opens a pass on this thread; inside a pass already open, a workspace that leaves it to that pass. */
    public static Workspace open() {
        if (OPEN.get() != null) {
            return NESTED;
        }
        Workspace workspace = new Workspace(SPARE.get());
        OPEN.set(workspace);
        return workspace;
    }

    /**
     * A storage of {@code size} elements of {@code dtype}: a recycled one when a pass is open and
     * has one, else a new one. Zero-filled when {@code zeroed}; otherwise its values are
     * undefined and the caller must write every element.
     */
    static Storage allocate(DType dtype, int size, boolean zeroed) {
        Workspace workspace = OPEN.get();
        if (workspace == null) {
            return dtype.allocate(size);
        }
        ArrayDeque<Storage> free = workspace.spare.get(key(dtype, size));
        Storage storage = free == null ? null : free.pollFirst();
        if (storage == null) {
            storage = dtype.allocate(size);
        } else if (zeroed) {
            clear(storage);
        }
        workspace.lent.add(storage);
        return storage;
    }

    /**
     * Keeps {@code tensor}'s storage out of reuse, as it outlives the pass open on this thread
     * (if any): for gradients left on tensors, which {@link Tensor#setGrad} and {@link
     * Tensor#accumulateGrad} say here.
     */
    public static void keep(Tensor tensor) {
        Workspace open = OPEN.get();
        if (open != null && tensor != null) {
            open.kept.add(tensor.storage());
        }
    }

    /** Ends the pass: what it allocated and did not keep waits for the next pass on this thread. */
    @Override
    public void close() {
        if (this == NESTED) {
            return;
        }
        OPEN.remove();
        spare.clear();
        for (Storage storage : lent) {
            if (!kept.contains(storage)) {
                spare.computeIfAbsent(key(DType.of(storage), storage.size()), k -> new ArrayDeque<>()).addLast(storage);
            }
        }
    }

    private static long key(DType dtype, int size) {
        return (long) dtype.ordinal() << 32 | size;
    }

    private static void clear(Storage storage) {
        switch (storage) {
            case Storage.Floats f -> Arrays.fill(f.data(), 0f);
            case Storage.Doubles d -> Arrays.fill(d.data(), 0.0);
            case Storage.Longs l -> Arrays.fill(l.data(), 0L);
        }
    }
}
