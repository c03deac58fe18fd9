package nl.nabij.steering;

/**
 * The minimum cell size rule, as for the neighbourhood statistics: when suppressing, a count from 1 to {@code
 * minimumCellSize - 1} is null, and so is every share or median computed from such a count, since a share of a known
 * total gives the count back.
 */
record SmallCells(int minimumCellSize, boolean suppressing) {

    boolean hidden(int count) {
        return suppressing && count > 0 && count < minimumCellSize;
    }

    Integer count(int count) {
        return hidden(count) ? null : count;
    }

    /** {@code part / whole}; null without a whole, or when either is hidden. */
    Double share(int part, int whole) {
        return whole == 0 || hidden(part) || hidden(whole) ? null : (double) part / whole;
    }

    /** A median over {@code values} values; null when there are none or their count is hidden. */
    Double median(Double median, int values) {
        return values == 0 || hidden(values) ? null : median;
    }
}
