package dev.voxloop.core.loop;

/** Tokens and money an agent used: per turn, or summed over a run. */
public record Usage(long inputTokens, long outputTokens, double costUsd) {

    public static final Usage NONE = new Usage(0, 0, 0);

    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens, costUsd + other.costUsd);
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
