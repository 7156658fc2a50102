package se.trackit;

/** Time worked on one day: minutes at an hourly rate in öre (1 SEK = 100 öre). */
public record TimeEntry(String project, int minutes, long hourlyRateOre) {

    public TimeEntry {
        if (minutes < 0 || hourlyRateOre < 0) {
            throw new IllegalArgumentException("minutes and rate must not be negative");
        }
    }

    /** Net amount in öre, rounded half up to the nearest öre. */
    public long netOre() {
        return (minutes * hourlyRateOre * 2 + 60) / 120;
    }
}
