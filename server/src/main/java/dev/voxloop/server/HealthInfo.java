package dev.voxloop.server;

import dev.voxloop.core.transcript.EngineStatus;

/**
 * What /health reports besides {@code status} and {@code ws_connections}: the SEJFA API's fields
 * (whisper_model, ollama_model, jira_configured) and ours. The app fills it from the configured engines.
 *
 * @param whisperModel    speech model name (what WHISPER_MODEL names), or the engine's model, may be null
 * @param ollamaModel     intent model name (what OLLAMA_MODEL names), may be null
 * @param jiraConfigured  true when the Jira tracker is configured
 * @param speechEngine    speech engine in use ("offline", "whisper", "openai", "remote"), or null when none
 * @param speechStatus    how that engine is doing (loading, ready, degraded, failed), or null when none
 * @param intentExtractor intent extractor in use ("embedded", "ollama", "openai")
 * @param tracker         tracker in use ("builtin", "jira", "github")
 * @param version         voxloop version
 * @param sandbox         where agent turns and CI checks run: the backend's name, whether it isolates anything
 *                        (false for {@code none}, which the console shows as a warning) and its description
 * @param starting        what the server is still doing before it can take requests (opening and migrating the
 *                        database), or null once it can: /health then answers 503 {@code "starting"}
 */
public record HealthInfo(String whisperModel, String ollamaModel, boolean jiraConfigured, String speechEngine,
                         EngineStatus speechStatus, String intentExtractor, String tracker, String version,
                         Sandbox sandbox, String starting) {

    /** A server that has started. */
    public HealthInfo(String whisperModel, String ollamaModel, boolean jiraConfigured, String speechEngine,
                      EngineStatus speechStatus, String intentExtractor, String tracker, String version,
                      Sandbox sandbox) {
        this(whisperModel, ollamaModel, jiraConfigured, speechEngine, speechStatus, intentExtractor, tracker, version,
                sandbox, null);
    }

    /** The sandbox as /health reports it. */
    public record Sandbox(String backend, boolean isolated, String description) {
    }

    /** False when a configured engine failed or is being rebuilt: /health then says "degraded". */
    public boolean healthy() {
        return speechStatus == null || speechStatus.healthy();
    }
}
