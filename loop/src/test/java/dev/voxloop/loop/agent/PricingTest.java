package dev.voxloop.loop.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.loop.Usage;
import dev.voxloop.loop.LoopSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingTest {

    private final Pricing pricing = pricing(new ConfigTree(Map.of("loop", Map.of("price", Map.of(
            "input_usd_per_mtok", "2", "output_usd_per_mtok", "10",
            "models", List.of(Map.of("model", "gpt-4.1-mini", "input_usd_per_mtok", "0.4",
                    "output_usd_per_mtok", "1.6"), Map.of("model", "cheap-in", "input_usd_per_mtok", "1")))))));

    private static Pricing pricing(ConfigTree c) {
        return LoopSettings.from(c, Path.of("data")).pricing();
    }

    @Test
    void tokensArePricedAtTheModelsRowOrTheDefault() {
        TurnResult tokensOnly = new TurnResult("ok", true, null, null, 1_000_000, 500_000, -1, "");
        assertThat(pricing.usageOf(tokensOnly, "gpt-4.1-mini").costUsd()).isCloseTo(1.2, within(1e-9));
        assertThat(pricing.usageOf(tokensOnly, "some-other-model").costUsd()).isCloseTo(7.0, within(1e-9));
        assertThat(pricing.usageOf(tokensOnly, null).costUsd()).isCloseTo(7.0, within(1e-9));
    }

    @Test
    void aReportedCostIsBelieved() {
        TurnResult reported = new TurnResult("ok", true, null, null, 1000, 10, 0.0125, "");
        assertThat(pricing.usageOf(reported, "gpt-4.1-mini")).isEqualTo(new Usage(1000, 10, 0.0125));
    }

    @Test
    void nothingConfiguredMeansTheDefaultPrice() {
        assertThat(pricing(ConfigTree.empty()).priceOf("any")).isEqualTo(new Pricing.Price(3.0, 15.0));
    }

    @Test
    void aRowWithoutAPriceTakesTheDefaultAndARowWithoutAModelIsRefused() {
        assertThat(pricing.priceOf("cheap-in")).isEqualTo(new Pricing.Price(1, 10));
        assertThatThrownBy(() -> pricing(new ConfigTree(Map.of("loop", Map.of("price", Map.of("models",
                List.of(Map.of("input_usd_per_mtok", "1"))))))))
                .hasMessage("loop.price.models[0].model: missing");
    }
}
