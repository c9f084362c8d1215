package org.jgrad.backend;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * A few persistent threads that share the chunks of one kernel call with the calling thread.
 *
 * <p>Why not an {@code ExecutorService}: a hand-off through one costs 14–18 µs, as much as a
 * small matrix product. These workers spin for a short while after each job, so the next
 * job of a training step reaches them in well under a microsecond, then park so that an idle
 * program burns no CPU. Kernels split their work into fixed chunks whose results do not depend
 * on which thread ran them, so results are bitwise the same with any number of threads. A call
 * made while the pool is busy (from another thread, or nested) runs its chunks on the caller.
 *
 * <p>The size defaults to the number of available processors and is set with the system
 * property {@code jgrad.threads} or {@link #setThreads(int)}.
 */
public final class WorkerPool {

    /** The system property that sets the number of threads, the caller included. */
    public static final String PROPERTY = "jgrad.threads";

    private static final long SPIN_NANOS = 50_000;
    private static final WorkerPool SHARED = new WorkerPool(
            Integer.getInteger(PROPERTY, Runtime.getRuntime().availableProcessors()));

    private final ReentrantLock busy = new ReentrantLock();
    private volatile Thread[] workers = new Thread[0];
    private volatile Job job;
    private volatile long generation;

    private WorkerPool(int threads) {
        setThreads(threads);
    }

    /** The pool every kernel uses. */
    public static WorkerPool shared() {
        return SHARED;
    }

    /** The number of threads that run a job, the caller included. */
    public int threads() {
        return workers.length + 1;
    }

    /** Sets the number of threads (at least 1, the caller); starts or stops workers as needed. */
    public void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(PROPERTY + ": need at least 1 thread, got " + threads);
        }
        busy.lock();
        try {
            Thread[] old = workers;
            Thread[] fresh = new Thread[threads - 1];
            for (int i = 0; i < fresh.length; i++) {
                fresh[i] = Thread.ofPlatform().daemon().name("jgrad-worker-" + (i + 1)).unstarted(this::workLoop);
            }
            workers = fresh;
            for (Thread t : old) {
                t.interrupt();
            }
            for (Thread t : fresh) {
                t.start();
            }
        } finally {
            busy.unlock();
        }
    }

    /** Runs {@code chunk.accept(i)} for every {@code i} in {@code [0, count)} and returns when all are done. */
    public void run(int count, IntConsumer chunk) {
        Thread[] team = workers;
        if (count <= 1 || team.length == 0 || !busy.tryLock()) {
            for (int i = 0; i < count; i++) {
                chunk.accept(i);
            }
            return;
        }
        try {
            Job current = new Job(count, chunk);
            job = current;
            generation++;
            for (Thread t : team) {
                LockSupport.unpark(t);
            }
            current.work();
            while (current.done.get() < count) {
                Thread.onSpinWait();
            }
            job = null;
            current.rethrow();
        } finally {
            busy.unlock();
        }
    }

    private void workLoop() {
        Thread self = Thread.currentThread();
        long seen = generation;
        while (!self.isInterrupted()) {
            long deadline = System.nanoTime() + SPIN_NANOS;
            while (generation == seen && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            if (generation == seen) {
                LockSupport.park(this);
                continue;
            }
            seen = generation;
            Job current = job;
            if (current != null) {
                current.work();
            }
        }
    }

    /** One call's chunks: handed out by a counter, counted when finished, first failure kept. */
    private static final class Job {
        final int count;
        final IntConsumer chunk;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(int count, IntConsumer chunk) {
            this.count = count;
            this.chunk = chunk;
        }

        void work() {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    chunk.accept(i);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.incrementAndGet();
                }
            }
        }

        void rethrow() {
            Throwable t = failure.get();
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
        }
    }
}
