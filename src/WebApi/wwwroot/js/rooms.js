// The room list: live (RoomCreated, RoomDeleted), sorted by name, with an unread count per room.
// Room names are unique case-insensitively, so they are keyed by their lower-case form.

export const roomKey = (name) => name.toLowerCase();

export class RoomList {
  constructor(list, onOpen) {
    this.list = list;
    this.onOpen = onOpen;
    this.items = new Map(); // key -> { room, element, badge }
  }

  set(rooms) {
    this.items.clear();
    this.list.replaceChildren();
    for (const room of rooms) this.add(room);
  }

  has(name) {
    return this.items.has(roomKey(name));
  }

  add(room) {
    const key = roomKey(room.name);
    if (this.items.has(key)) return;
    const li = document.createElement("li");
    li.dataset.key = key;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "room";
    button.dataset.room = room.name;
    button.title = room.description || `Created by ${room.createdBy}`;
    const name = document.createElement("span");
    name.className = "room-name";
    name.textContent = room.name;
    const badge = document.createElement("span");
    badge.className = "badge";
    badge.hidden = true;
    button.append(name, badge);
    button.addEventListener("click", () => this.onOpen(room.name));
    li.append(button);
    this.items.set(key, { room, element: li, button, badge });
    const next = [...this.list.children].find((element) => element.dataset.key > key);
    this.list.insertBefore(li, next ?? null);
  }

  remove(name) {
    const key = roomKey(name);
    this.items.get(key)?.element.remove();
    this.items.delete(key);
  }

  setActive(name) {
    for (const [key, item] of this.items) {
      const active = name !== null && key === roomKey(name);
      item.button.classList.toggle("active", active);
      if (active) item.button.setAttribute("aria-current", "true");
      else item.button.removeAttribute("aria-current");
    }
  }

  setUnread(name, count) {
    const item = this.items.get(roomKey(name));
    if (!item) return;
    item.badge.hidden = count === 0;
    item.badge.textContent = String(count);
    item.button.setAttribute("aria-label", count ? `${item.room.name}, ${count} unread` : item.room.name);
  }
}
