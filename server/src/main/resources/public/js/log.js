// A bounded log: keeps the newest entries only, so a long session never grows memory or the DOM.

export class BoundedLog {
  constructor(limit = 200) {
    this.limit = limit;
    this.entries = [];
    this.listeners = new Set();
  }

  add(text) {
    const entry = { at: new Date(), text: String(text).slice(0, 500) };
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    for (const listener of this.listeners) listener(entry);
    return entry;
  }

  onAdd(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size() {
    return this.entries.length;
  }
}
