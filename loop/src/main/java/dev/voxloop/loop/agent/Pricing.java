package dev.voxloop.loop.agent;

import dev.voxloop.core.config.Key;
import dev.voxloop.core.loop.Usage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an agent's turn cost. An agent that reports its own cost (Claude Code's {@code total_cost_usd}) is
 * believed; for one that reports only tokens, the tokens are priced from the model's row in
 * {@code loop.price.models}, or at the default {@code loop.price.*} prices when the model has no row.
 *
 * @param fallback the price of a model without a row of its own
 * @param models   model name to its price
 */
public record Pricing(Price fallback, Map<String, Price> models) {

    /** Prices per million tokens, in US dollars. */
    public record Price(double inputUsdPerMtok, double outputUsdPerMtok) {
        public double costOf(long inputTokens, long outputTokens) {
            return (inputTokens * inputUsdPerMtok + outputTokens * outputUsdPerMtok) / 1_000_000.0;
        }
    }

    /** The price table as configured ({@code loop.price}); the defaults are Claude Sonnet's list price. */
    public record Table(
            @Key(path = "input_usd_per_mtok", fallback = "3.0",
                    doc = "Price of a million input tokens in USD, for an agent that reports tokens but no cost")
            double inputUsdPerMtok,
            @Key(path = "output_usd_per_mtok", fallback = "15.0",
                    doc = "Price of a million output tokens in USD, for an agent that reports tokens but no cost")
            double outputUsdPerMtok,
            // a list, not a map keyed by model: model names contain dots ("gpt-4.1"), which are path separators here
            @Key(path = "models", doc = "Per-model prices; models not listed use the two prices above")
            List<Row> models) {
    }

    /** One model's prices; a price left out is the table's default. */
    public record Row(
            @Key(path = "model", doc = "Model name as the agent is given it") String model,
            @Key(path = "input_usd_per_mtok", doc = "Price of a million input tokens in USD") Double inputUsdPerMtok,
            @Key(path = "output_usd_per_mtok", doc = "Price of a million output tokens in USD") Double outputUsdPerMtok) {
    }

    public Pricing {
        models = Map.copyOf(models);
    }

    public static Pricing from(Table table) {
        Price fallback = new Price(table.inputUsdPerMtok(), table.outputUsdPerMtok());
        Map<String, Price> models = new LinkedHashMap<>();
        for (int i = 0; i < table.models().size(); i++) {
            Row row = table.models().get(i);
            if (row.model() == null) {
                throw new IllegalArgumentException("loop.price.models[" + i + "].model: missing");
            }
            models.put(row.model(), new Price(
                    row.inputUsdPerMtok() == null ? fallback.inputUsdPerMtok() : row.inputUsdPerMtok(),
                    row.outputUsdPerMtok() == null ? fallback.outputUsdPerMtok() : row.outputUsdPerMtok()));
        }
        return new Pricing(fallback, models);
    }

    /** The price of {@code model} (null: the agent's default model). */
    public Price priceOf(String model) {
        return model == null ? fallback : models.getOrDefault(model, fallback);
    }

    /** One turn's usage: its tokens, and its reported cost or the tokens at {@code model}'s price. */
    public Usage usageOf(TurnResult turn, String model) {
        double usd = turn.costUsd() >= 0 ? turn.costUsd()
                : priceOf(model).costOf(turn.inputTokens(), turn.outputTokens());
        return new Usage(turn.inputTokens(), turn.outputTokens(), usd);
    }
}
