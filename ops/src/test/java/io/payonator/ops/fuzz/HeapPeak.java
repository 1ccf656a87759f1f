package io.payonator.ops.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The most heap in use over a stretch of a test, from the JVM's own peak counters of each heap pool
 * (summed: an upper bound of the real peak, never missed between samples).
 */
final class HeapPeak {

    private final List<MemoryPoolMXBean> pools;

    private HeapPeak(List<MemoryPoolMXBean> pools) {
        this.pools = pools;
    }

    static HeapPeak start() {
        System.gc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid()).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        return new HeapPeak(heapPools);
    }

    /** The summed peaks of the heap pools since {@link #start()}, in bytes. */
    long stop() {
        return pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
