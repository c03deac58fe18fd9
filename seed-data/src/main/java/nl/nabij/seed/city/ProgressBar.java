package nl.nabij.seed.city;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One line on stderr, redrawn in place: how far the load is, how fast records go in and how long it will take yet.
 * The share done is counted in residents, which are spread evenly over the city, so the time left holds from the
 * first batch on without knowing the number of records in advance.
 */
final class ProgressBar implements CityWriter.Listener {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream out;
    private final long totalResidents;
    private final LongSupplier clock;
    private final long startedAt;

    private long residents;
    private long written;
    private long skipped;
    private long lastDrawnAt;

    ProgressBar(PrintStream out, long totalResidents, LongSupplier clock) {
        this.out = out;
        this.totalResidents = totalResidents;
        this.clock = clock;
        this.startedAt = clock.getAsLong();
        this.lastDrawnAt = startedAt - REDRAW_NANOS;
    }

    @Override
    public synchronized void batchDone(long batch, long records, long batchResidents, boolean wasSkipped) {
        residents += batchResidents;
        if (wasSkipped) {
            skipped += records;
        } else {
            written += records;
        }
        long now = clock.getAsLong();
        if (now - lastDrawnAt >= REDRAW_NANOS) {
            lastDrawnAt = now;
            out.print("\r" + line(now));
            out.flush();
        }
    }

    /** Draws the final state and ends the line. */
    synchronized void finish() {
        out.println("\r" + line(clock.getAsLong()));
        out.flush();
    }

    synchronized long written() {
        return written;
    }

    String line(long now) {
        double done = totalResidents == 0 ? 1 : Math.min(1, (double) residents / totalResidents);
        double seconds = Math.max(1e-9, (now - startedAt) / 1e9);
        int filled = (int) Math.round(done * WIDTH);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        String left = done <= 0 ? "?" : clock(Duration.ofMillis(Math.round(seconds * (1 - done) / done * 1000)));
        String resumed = skipped > 0 ? String.format(Locale.ROOT, ", %,d skipped (done before)", skipped) : "";
        return String.format(
                Locale.ROOT,
                "[%s] %5.1f%%  %,d records  %,.0f records/s  %s elapsed  %s left%s   ",
                bar,
                done * 100,
                written + skipped,
                written / seconds,
                clock(Duration.ofMillis(Math.round(seconds * 1000))),
                left,
                resumed);
    }

    private static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
