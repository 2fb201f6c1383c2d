/**
 * Benchmark harnesses: programs, not tests, that measure the product against the VK emulator and write their
 * figures under {@code bench/results/} (see docs/benchmarks.md).
 */
@NullMarked
package ru.paragraf.sferum.bench;

import org.jspecify.annotations.NullMarked;
