package io.payonator.ops.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Heap figures for the log: what the last collection left (the live set, roughly), and the sum of
 * each heap pool's own peak, an upper bound of the real peak (the pools peak at different times).
 */
final class HeapReport {

    private HeapReport() {
    }

    static String describe() {
        long peak = 0;
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
                MemoryUsage collected = pool.getCollectionUsage();
                afterGc += collected == null ? 0 : collected.getUsed();
            }
        }
        return "heap: pool peaks summed " + peak / (1024 * 1024) + " MiB, after last GC " + afterGc / (1024 * 1024)
                + " MiB, max " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB";
    }
}
