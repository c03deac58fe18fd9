package nl.nabij.bench;

import java.util.Arrays;

/** One client's response times in nanoseconds, kept whole so percentiles are exact rather than bucketed. */
final class LatencyRecorder {

    private long[] nanos = new long[1024];
    private int count;
    private int errors;

    void record(long elapsedNanos, boolean failed) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
        if (failed) {
            errors++;
        }
    }

    int count() {
        return count;
    }

    int errors() {
        return errors;
    }

    /** All clients' times together, sorted. */
    static long[] merged(Iterable<LatencyRecorder> recorders) {
        int total = 0;
        for (LatencyRecorder recorder : recorders) {
            total += recorder.count;
        }
        long[] all = new long[total];
        int at = 0;
        for (LatencyRecorder recorder : recorders) {
            System.arraycopy(recorder.nanos, 0, all, at, recorder.count);
            at += recorder.count;
        }
        Arrays.sort(all);
        return all;
    }

    /** The nearest-rank percentile of sorted times, in milliseconds. */
    static double percentileMillis(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
