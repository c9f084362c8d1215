package org.jgrad.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * This JVM's cumulative garbage-collection and allocation counters at one instant, so that an
 * interval's cost is the difference of two readings.
 *
 * @param gcMillis the summed accumulated collection time of every {@link GarbageCollectorMXBean}
 *     (with G1, the default, these are pause times: young, mixed and full collections and the
 *     concurrent cycle's remark and cleanup pauses)
 * @param gcCount the summed number of collections of those beans
 * @param allocatedBytes the bytes allocated on the heap by all threads since start-up, worker
 *     threads and finished threads included ({@code getTotalThreadAllocatedBytes}); -1 when the
 *     JVM does not measure it
 */
record JvmCounters(long gcMillis, long gcCount, long allocatedBytes) {

    /** The counters now. */
    static JvmCounters now() {
        long millis = 0;
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, gc.getCollectionTime());
            count += Math.max(0, gc.getCollectionCount());
        }
        long allocated = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemoryEnabled() ? threads.getTotalThreadAllocatedBytes() : -1;
        return new JvmCounters(millis, count, allocated);
    }

    /** What accumulated from {@code earlier} to this reading (allocation -1 when unmeasured). */
    JvmCounters since(JvmCounters earlier) {
        return new JvmCounters(gcMillis - earlier.gcMillis, gcCount - earlier.gcCount,
                allocatedBytes < 0 || earlier.allocatedBytes < 0 ? -1 : allocatedBytes - earlier.allocatedBytes);
    }
}
