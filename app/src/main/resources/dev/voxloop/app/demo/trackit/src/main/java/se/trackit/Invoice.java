package se.trackit;

import java.util.List;

/** An invoice: the sum of time entries, in öre. */
public record Invoice(List<TimeEntry> entries) {

    public Invoice {
        entries = List.copyOf(entries);
    }

    /** The sum of the entries' net amounts, in öre. */
    public long netOre() {
        long sum = 0;
        for (TimeEntry e : entries) {
            sum += e.netOre();
        }
        return sum;
    }
}
