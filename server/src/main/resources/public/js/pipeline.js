// Reading the pipeline's responses: one of transcript check, clarification, preview or ticket, whatever optional
// fields exist.

export const ISSUE_TYPES = ["Story", "Task", "Bug", "Epic", "Sub-task"];
export const PRIORITIES = ["Highest", "High", "Medium", "Low", "Lowest"];

/**
 * Classifies a /api/pipeline/* response:
 * {kind: "transcriptCheck"|"clarification"|"preview"|"ticket"|"discarded"|"unknown", ...}.
 */
export function readOutcome(body) {
  if (!body || typeof body !== "object") return { kind: "unknown" };
  if (body.status === "transcript_confirmation_needed") {
    const t = body.transcript && typeof body.transcript === "object" ? body.transcript : {};
    if (!body.session_id) return { kind: "unknown" };
    return {
      kind: "transcriptCheck",
      sessionId: String(body.session_id),
      text: String(t.text ?? body.transcribed_text ?? ""),
      confidence: numberOr(t.confidence, null),
      engine: t.engine ? String(t.engine) : "",
      expiresAt: body.expires_at ? String(body.expires_at) : "",
    };
  }
  if (body.status === "clarification_needed") {
    const questions = Array.isArray(body.questions) ? body.questions.filter(Boolean).map(String) : [];
    const question = body.question ? String(body.question) : questions[0] || "";
    if (!body.session_id || !question) return { kind: "unknown" };
    return {
      kind: "clarification",
      sessionId: String(body.session_id),
      question,
      questions,
      choices: Array.isArray(body.choices) ? body.choices.filter((c) => c !== null && c !== "").map(String) : [],
      field: body.field || "",
      round: Number(body.round) || 1,
      ambiguity: numberOr(body.ambiguity_score, null),
      partialSummary: body.partial_summary || "",
    };
  }
  if (body.status === "preview_needed") {
    const intent = body.intent && typeof body.intent === "object" ? body.intent : {};
    if (!body.session_id) return { kind: "unknown" };
    return {
      kind: "preview",
      sessionId: String(body.session_id),
      transcribedText: body.transcribed_text || "",
      draft: readDraft(intent, body),
      confidence: body.confidence ?? null,
      flags: listOf(body.flags),
      gaps: listOf(body.gaps),
      ambiguity: numberOr(intent.ambiguity_score, null),
      lastError: body.last_error ? String(body.last_error) : "",
      expiresAt: body.expires_at ? String(body.expires_at) : "",
      duplicates: duplicatesOf(body.likely_duplicates),
    };
  }
  if (body.ticket_key) {
    return {
      kind: "ticket",
      key: String(body.ticket_key),
      url: body.ticket_url ? String(body.ticket_url) : "",
      summary: body.summary || "",
      transcribedText: body.transcribed_text || "",
      sessionId: body.session_id || "",
      queued: body.queued === true ? true : body.queued === false ? false : null,
      notes: listOf(body.notes),
    };
  }
  if (body.status === "discarded") return { kind: "discarded", sessionId: body.session_id || "" };
  return { kind: "unknown" };
}

function readDraft(intent, body) {
  const items = Array.isArray(intent.acceptance_criteria_items)
    ? intent.acceptance_criteria_items
    : Array.isArray(intent.acceptance_criteria)
      ? intent.acceptance_criteria
      : String(intent.acceptance_criteria || "").split("\n");
  return {
    summary: String(intent.summary || body.summary || ""),
    description: String(intent.description || ""),
    acceptanceCriteria: items.map((s) => String(s).trim()).filter(Boolean),
    issueType: String(intent.issue_type || ""),
    priority: String(intent.priority || ""),
    project: String(intent.project || intent.project_key || ""),
    labels: listOf(intent.labels),
  };
}

/** [{key, summary, similarity}] of the open tickets the draft seems to repeat; malformed entries are skipped. */
function duplicatesOf(value) {
  if (!Array.isArray(value)) return [];
  return value.filter((d) => d && typeof d === "object" && d.key)
    .map((d) => ({ key: String(d.key), summary: String(d.summary || ""), similarity: numberOr(d.similarity, null) }));
}

function listOf(value) {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== "").map(String);
  if (typeof value === "string" && value) return value.split(",").map((s) => s.trim()).filter(Boolean);
  return [];
}

function numberOr(value, fallback) {
  const n = Number(value);
  return value !== null && value !== undefined && Number.isFinite(n) ? n : fallback;
}

/** Confidence as [{name, value 0..1}], from a number or a per-field map. */
export function confidenceEntries(confidence) {
  if (typeof confidence === "number" && Number.isFinite(confidence)) return [{ name: "overall", value: confidence }];
  if (confidence && typeof confidence === "object") {
    return Object.entries(confidence)
      .filter(([, v]) => Number.isFinite(Number(v)))
      .map(([name, v]) => ({ name, value: Number(v) }));
  }
  return [];
}

/** Only the fields the person changed, in the approve endpoint's override names. */
export function overridesFrom(original, edited) {
  const out = {};
  if (edited.summary.trim() !== original.summary) out.summary = edited.summary.trim();
  if (edited.description.trim() !== original.description.trim()) out.description = edited.description.trim();
  const ac = edited.acceptanceCriteria.map((s) => s.trim()).filter(Boolean);
  if (ac.join("\n") !== original.acceptanceCriteria.join("\n")) out.acceptance_criteria = ac.join("\n");
  if (edited.issueType && edited.issueType !== original.issueType) out.issue_type = edited.issueType;
  if (edited.priority && edited.priority !== original.priority) out.priority = edited.priority;
  if (edited.project.trim() && edited.project.trim() !== original.project) out.project = edited.project.trim();
  const labels = edited.labels.map((s) => s.trim().replace(/\s+/g, "-")).filter(Boolean);
  if (labels.join(",") !== original.labels.join(",")) out.labels = labels;
  return out;
}

/** Absolute link for a ticket URL the server may give as a path. */
export function absoluteUrl(url, base) {
  if (!url) return "";
  try {
    return new URL(url, base + "/").toString();
  } catch {
    return url;
  }
}
