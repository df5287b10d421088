// The open room's messages: one <li> per message id (so a message that arrives twice, by the hub and
// by a catch-up, shows once), kept in stored order by `sequence`.

const NEAR_BOTTOM_PX = 80;

/** Stored order: `sequence`; messages of servers without it fall back to their time. */
const before = (a, b) =>
  a.sequence != null && b.sequence != null ? a.sequence < b.sequence : a.sentAt < b.sentAt;

export class MessageList {
  constructor(list) {
    this.list = list;
    this.byId = new Map(); // id -> { message, element }
  }

  clear() {
    this.byId.clear();
    this.list.replaceChildren();
  }

  /** The newest message shown: where a catch-up (`after=`) starts. */
  get last() {
    const element = this.list.lastElementChild;
    return element ? this.byId.get(element.dataset.id).message : null;
  }

  has(id) {
    return this.byId.has(id);
  }

  /** Adds messages not shown yet, each at its place in stored order. Returns how many were new. */
  add(messages, { scroll = "auto" } = {}) {
    const stick = scroll === "bottom" || (scroll === "auto" && this.isNearBottom());
    const keep = scroll === "keep" ? this.list.scrollHeight - this.list.scrollTop : null;
    let added = 0;
    for (const message of messages) {
      if (this.byId.has(message.id)) continue;
      const element = render(message);
      this.byId.set(message.id, { message, element });
      this.list.insertBefore(element, this.firstAfter(message));
      added++;
    }
    if (stick) this.list.scrollTop = this.list.scrollHeight;
    else if (keep !== null) this.list.scrollTop = this.list.scrollHeight - keep;
    return added;
  }

  remove(id) {
    this.byId.get(id)?.element.remove();
    this.byId.delete(id);
  }

  isNearBottom() {
    return this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < NEAR_BOTTOM_PX;
  }

  /** The first shown element that comes after `message` (null: append). Scans from the end: new messages are usually last. */
  firstAfter(message) {
    let next = null;
    for (let element = this.list.lastElementChild; element; element = element.previousElementSibling) {
      if (!before(message, this.byId.get(element.dataset.id).message)) break;
      next = element;
    }
    return next;
  }
}

function render(message) {
  const li = document.createElement("li");
  li.dataset.id = message.id;
  if (message.sequence != null) li.dataset.sequence = message.sequence;
  const who = document.createElement("span");
  who.className = "who";
  who.textContent = message.username;
  const time = document.createElement("time");
  time.dateTime = message.sentAt;
  time.textContent = new Date(message.sentAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  const text = document.createElement("p");
  text.className = "text";
  text.textContent = message.content;
  li.append(who, time, text);
  return li;
}
