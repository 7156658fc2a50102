// Composition of the console: settings, API, event stream, toasts, pages and the hash router.

import { Api } from "./api.js";
import { clear } from "./dom.js";
import { EventStream, field } from "./events.js";
import { LoopPage } from "./loop-page.js";
import { PullPage } from "./pull-page.js";
import { BoundedLog } from "./log.js";
import { RunBook } from "./runs.js";
import { Settings } from "./settings.js";
import { SettingsPanel } from "./settings-panel.js";
import { TicketsPage } from "./tickets-page.js";
import { Toasts } from "./toasts.js";
import { VoicePage } from "./voice-page.js";

const settings = new Settings();
const api = new Api(settings);
const toasts = new Toasts(document.getElementById("toasts"));
const log = new BoundedLog(200);
const runBook = new RunBook();
const main = document.getElementById("main");
const announcer = document.getElementById("announcer");
const panel = new SettingsPanel({ settings, toasts });

function announce(text) {
  announcer.textContent = "";
  // a fresh text node after a tick makes screen readers announce repeats too
  setTimeout(() => { announcer.textContent = text; }, 30);
}

function setStatus(status, label) {
  const badge = document.getElementById("status-badge");
  badge.dataset.status = status;
  document.getElementById("status-text").textContent = label;
}

const openSettings = () => panel.open(document.activeElement);
document.getElementById("settings-open").addEventListener("click", (e) => panel.open(e.currentTarget));

const voice = new VoicePage({ api, settings, toasts, announce, setStatus, log, openSettings });
const tickets = new TicketsPage({ api, settings, toasts });
const loop = new LoopPage({ api, toasts, runBook });
const pull = new PullPage({ api, toasts });

// ---- event stream ---------------------------------------------------------------------------------------------

const conn = document.getElementById("conn");
const connText = document.getElementById("conn-text");
let lastConnState = "";
const stream = new EventStream(settings, {
  onState(state, detail) {
    conn.dataset.state = state;
    connText.textContent = { open: "live", connecting: "connecting", unauthorized: "token rejected", closed: "offline", error: "offline" }[state] || state;
    conn.title = detail || "Live event stream";
    if (state === lastConnState) return;
    if (state === "unauthorized") toasts.error("The server rejected the API token. Open Settings to enter it.", { key: "auth" });
    if (state === "open" && lastConnState === "error") toasts.info("Reconnected to the server.", { key: "network" });
    if (state === "error" && lastConnState === "open") toasts.error("Lost the connection to the server. Reconnecting…", { key: "network" });
    if (state !== "connecting") lastConnState = state;
  },
  onEvent(event, meta) {
    window.__voxloopEvents = (window.__voxloopEvents || 0) + 1;
    runBook.apply(event);
    voice.onEvent(event, meta);
    tickets.onEvent(event, meta);
    loop.onEvent(event, meta);
    pull.onEvent(event, meta);
    if (!meta.replay) {
      log.add(describe(event));
      notify(event);
    }
  },
});
voice.lastSeq = () => stream.lastSeq;

/** Toasts for live events that are not the answer to this page's own request. Never for replayed ones. */
function notify(event) {
  const key = field(event, "ticket_key");
  switch (event.type) {
    case "ticket_created":
      if (field(event, "session_id") !== voice.sessionId && !(voice.ticket && voice.ticket.key === key)) {
        toasts.info(`Ticket ${key} was created.`);
      }
      break;
    case "ticket_queued": toasts.info(`${key} is queued for the loop.`); break;
    case "loop_started": toasts.info(`The loop started work on ${key}.`); break;
    case "loop_completed":
      if (event.success) toasts.success(`The loop finished ${key}.`);
      else toasts.error(`The loop failed on ${key}${event.error ? `: ${event.error}` : "."}`);
      break;
    case "stuck_detected": toasts.error(`${key} looks stuck: ${event.pattern}`); break;
    case "merged": toasts.success(`${key} was merged.`); break;
    default: break;
  }
}

function describe(event) {
  const bits = [event.type];
  for (const name of ["session_id", "ticket_key", "stage", "state", "message", "gate"]) {
    const v = field(event, name);
    if (v !== undefined && v !== null && v !== "") bits.push(`${name}=${String(v).slice(0, 120)}`);
  }
  return bits.join(" ");
}

settings.onChange(({ connectionChanged }) => {
  if (connectionChanged) {
    lastConnState = "";
    stream.restart();
    route();
  }
});

// ---- router ---------------------------------------------------------------------------------------------------

let current = null;

function route() {
  const hash = window.location.hash || "#/voice";
  const [, page = "voice", ...rest] = hash.split("/");
  if (current) current.unmount();
  clear(main);
  document.querySelectorAll(".nav a").forEach((a) => {
    if (a.dataset.page === page) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  });
  if (page === "tickets") {
    current = tickets;
    document.title = "Tickets · voxloop";
    tickets.mount(main, rest.length ? decodeURIComponent(rest.join("/")) : null);
  } else if (page === "repos" && rest.length >= 3 && rest[1] === "pulls") {
    current = pull;
    document.title = `${decodeURIComponent(rest[0])} #${rest[2]} · voxloop`;
    pull.mount(main, decodeURIComponent(rest[0]), Number(rest[2]), rest[3] || "");
  } else if (page === "loop") {
    current = loop;
    document.title = "Loop · voxloop";
    loop.mount(main);
  } else {
    current = voice;
    document.title = "voxloop console";
    voice.mount(main);
  }
  if (page !== "voice") setStatus(voice.phase, document.getElementById("status-text").textContent);
}

window.addEventListener("hashchange", () => {
  route();
  main.focus({ preventScroll: true });
});
document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && panel.isOpen) panel.close();
});

setStatus("idle", "Ready");
route();
stream.start();
window.__voxloop = { settings, stream, voice, log };
