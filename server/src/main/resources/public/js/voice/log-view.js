// The pipeline log at the foot of the voice page: a collapsed list of what happened, newest last, bounded.

import { h } from "../dom.js";

/** @returns {box, stop}: the element, and a function that stops following the log */
export function logView(log) {
  const list = h("ol", { "aria-label": "Pipeline log entries" });
  const summary = h("summary", {}, "");
  const box = h("details", { class: "card card--compact log", id: "log" }, summary, list);
  const count = () => { summary.textContent = `Pipeline log (${log.size})`; };
  for (const entry of log.entries) list.append(item(entry));
  count();
  const stop = log.onAdd((entry) => {
    list.append(item(entry));
    while (list.children.length > log.limit) list.firstElementChild.remove();
    count();
    if (box.open) list.scrollTop = list.scrollHeight;
  });
  return { box, stop };
}

function item(entry) {
  return h("li", {}, `[${entry.at.toLocaleTimeString()}] ${entry.text}`);
}
