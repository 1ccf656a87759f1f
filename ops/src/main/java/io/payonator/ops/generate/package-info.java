/**
 * The {@code generate} command: seeded random transaction files for trials and benchmarks.
 */
package io.payonator.ops.generate;
