package dev.voxloop.loop.agent;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.loop.Usage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an agent's turn cost. An agent that reports its own cost (Claude Code's {@code total_cost_usd}) is
 * believed; for one that reports only tokens, the tokens are priced from the model's entry in
 * {@code loop.price.models} (a list of {@code {model, input_usd_per_mtok, output_usd_per_mtok}}), or from the default {@code loop.price.*} prices when the model has no row.
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

    /** Claude Sonnet's list price when nothing is configured. */
    public static final Price DEFAULT_PRICE = new Price(3.0, 15.0);

    public Pricing {
        models = Map.copyOf(models);
    }

    public static Pricing from(ConfigTree c) {
        Price fallback = new Price(c.decimal("loop.price.input_usd_per_mtok", DEFAULT_PRICE.inputUsdPerMtok()),
                c.decimal("loop.price.output_usd_per_mtok", DEFAULT_PRICE.outputUsdPerMtok()));
        Map<String, Price> models = new LinkedHashMap<>();
        // a list, not a map keyed by model: model names contain dots ("gpt-4.1"), which are path separators here
        for (ConfigTree row : c.list("loop.price.models")) {
            String model = row.string("model").orElseThrow(() -> new IllegalArgumentException(
                    "loop.price.models: every entry needs a model name"));
            models.put(model, new Price(row.decimal("input_usd_per_mtok", fallback.inputUsdPerMtok()),
                    row.decimal("output_usd_per_mtok", fallback.outputUsdPerMtok())));
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
