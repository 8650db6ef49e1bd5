// The reader's own data, kept in this browser only (one localStorage key for the site): who
// they are, the region they plan by, and their interviews, each with its details, its
// interviewers and its checklist ticks. Every page that uses it says which interview it is
// for (picker.html) and lets the reader switch or add one; the choice is shared by every page
// and tab. What comes out of storage is checked as strictly as what a reader types: known
// shapes only, text only, every emoji whole. Markup: reader.py, picker.html, form.html.
(() => {
  const SCHEMA = 2;
  const KEY = atl.key("reader", "data");
  const MAX = { list: 1000, people: 20, keys: 60, text: 2000, ticks: 500 };
  const FIELD = /^(?!constructor$)[a-z][a-z0-9_]*$/;  // as the build checks a field's id
  const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;  // a checklist's or an item's id
  const INTERVIEW = /^[a-z0-9]{4,24}$/;
  const DATE = /^(19|2\d)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
  const listeners = new Set();
  let config;  // where fields are kept, defaults and words (reader.py): the same on every page
  let data;
  let told = false;
  const settings = () => (config ??= JSON.parse(document.querySelector('[data-atl-data="reader"]')?.textContent ?? "{}"));
  const word = (name, values = {}) => atl.fill(settings().words?.[name] ?? "", values);

  const is = (pattern, value) => typeof value === "string" && pattern.test(value);
  const own = (object, name) => (object && typeof object === "object" && Object.hasOwn(object, name) ? object[name] : undefined);
  const list = (value, max) => (Array.isArray(value) ? value.slice(0, max) : []);
  const text = (value) => (typeof value === "string" ? value.slice(0, MAX.text).toWellFormed() : "");
  function fields(values) {
    const out = {};
    if (values && typeof values === "object" && !Array.isArray(values))
      for (const [name, value] of Object.entries(values).slice(0, MAX.keys))
        if (FIELD.test(name) && text(value)) out[name] = text(value);
    return out;
  }
  function interview(raw) {
    if (!is(INTERVIEW, own(raw, "id"))) return null;
    const ticks = {};
    for (const [checklist, done] of Object.entries(own(raw, "ticks") ?? {}))
      if (is(NAME, checklist)) ticks[checklist] = list(done, MAX.ticks).filter((item) => is(NAME, item));
    const done = list(own(raw, "done"), MAX.ticks).filter((step) => is(NAME, step));  // steps marked done
    return { id: raw.id, f: fields(own(raw, "f")), people: list(own(raw, "people"), MAX.people).map(fields), ticks, done };
  }
  // any stored or imported value as this version's data; what does not fit is left out
  function clean(raw) {
    const interviews = [];
    for (const item of list(own(raw, "list"), MAX.list)) {
      const one = interview(item);
      if (one && !interviews.some((other) => other.id === one.id)) interviews.push(one);
    }
    const at = interviews.some((one) => one.id === own(raw, "at")) ? raw.at : interviews[0]?.id ?? "";
    return { v: SCHEMA, you: fields(own(raw, "you")), at, list: interviews };
  }
  const blank = () => ({ id: Date.now().toString(36) + Math.random().toString(36).slice(2, 8), f: {}, people: [], ticks: {}, done: [] });

  // The first version kept one set of details, and each checklist's ticks, under keys of their
  // own: they become the first interview, once; the old keys go when that is stored.
  const oldKeys = () => [atl.key("details", "reader"), ...atl.keys(atl.key("checklist", ""))];
  function migrate() {
    const old = atl.load(atl.key("details", "reader"), 1)?.values;
    const one = blank();
    for (const key of atl.keys(atl.key("checklist", ""))) {
      const done = atl.load(key, 1)?.done;
      if (done) one.ticks[key.slice(atl.key("checklist", "").length)] = done;
    }
    if (!old && !Object.keys(one.ticks).length) return null;
    const you = {};
    const person = {};
    for (const [name, value] of Object.entries(old ?? {}))
      ({ reader: you, interviewer: person }[own(settings().scopes, name)] ?? one.f)[name] = value;
    if (Object.keys(person).length) one.people.push(person);
    return { you, at: one.id, list: [one] };
  }
  function load() {
    const stored = atl.load(KEY, SCHEMA);
    const migrated = stored ? null : migrate();
    data = clean(stored ?? migrated);
    if (migrated && save()) atl.forget(oldKeys());
  }
  // The whole data in one write: stored whole, or (storage full or refused) not at all; then
  // the reader is told, once, and what is on the page stays.
  function save() {
    const saved = atl.save(KEY, data.list.length || Object.keys(data.you).length ? data : null);
    if (!saved) told = true;
    tell();
    return saved;
  }
  function tell() {
    if (told) for (const note of document.querySelectorAll("[data-atl-storage-note][hidden]")) note.hidden = false;
  }

  const reader = {
    data: () => data,
    current: () => data.list.find((one) => one.id === data.at) ?? null,
    // change the data (`edit(data)`), keep it, and show it wherever the page shows it;
    // `field` names what changed, when it is one field
    change(edit, field) {
      edit(data);
      data = clean(data);
      save();
      for (const listener of listeners)
        if (!listener.node.isConnected) listeners.delete(listener);
        else listener.show(field);
    },
    // the chosen interview in `d` (as `change` passes it); made when there is none, for the
    // reader who starts typing or ticking without one
    chosen(d) {
      let one = d.list.find((i) => i.id === d.at);
      if (!one) d.list.push((one = blank())), (d.at = one.id);
      return one;
    },
    add() {
      const one = blank();
      reader.change((d) => d.list.push(one) && (d.at = one.id));
    },
    choose: (id) => reader.change((d) => (d.at = id)),
    remove: (id) => reader.change((d) => (d.list = d.list.filter((one) => one.id !== id))),
    // forget everything: what this page shows, and (atl.forget) what the site stored
    reset() {
      data = clean(null);
      for (const listener of listeners) if (listener.node.isConnected) listener.show();
    },
    // call `show(field)` after every change, here or in another tab, while `node` is on the page
    watch: (node, show) => listeners.add({ node, show }),
    region: () => data.you.region || own(settings().defaults, "region") || "",
    date: (value) => (is(DATE, value) && !isNaN(Date.parse(value)) ? value : ""),
    today() {
      const now = new Date();
      return new Date(now - now.getTimezoneOffset() * 6e4).toISOString().slice(0, 10);
    },
    // "Monday 21 December" or "Monday, December 21", the region's way, with the year when it is
    // not this one: the names from the browser (Intl), their order from the region's locale
    longDate(iso) {
      const parts = new Intl.DateTimeFormat(locale(), { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" })
        .formatToParts(new Date(`${iso}T00:00Z`));
      const part = (type) => parts.find((p) => p.type === type)?.value ?? "";
      const year = iso.slice(0, 4) === reader.today().slice(0, 4) ? "" : part("year");
      return parts.findIndex((p) => p.type === "month") < parts.findIndex((p) => p.type === "day")
        ? `${part("weekday")}, ${part("month")} ${part("day")}${year && `, ${year}`}`
        : `${part("weekday")} ${part("day")} ${part("month")}${year && ` ${year}`}`;
    },
    time: (hhmm) =>
      /^([01]\d|2[0-3]):[0-5]\d$/.test(hhmm)
        ? new Intl.DateTimeFormat(locale(), { timeZone: "UTC", hour: "numeric", minute: "2-digit" }).format(new Date(`2000-01-01T${hhmm}Z`))
        : "",
    // an interview's name in lists: its company and job title, else "Interview 2"
    title: (one) => [one.f.company, one.f.role].filter(Boolean).join(", ") || word("untitled", { n: data.list.indexOf(one) + 1 }),
    clean,
    oldKeys,
    form,
  };
  const locale = () => `en-${(reader.region() || "US").slice(0, 2)}`;

  // Where an input's value is kept: the reader's own details, the interview's, or one of its
  // interviewers' (an input inside a [data-person] row)
  function place(input, d, make) {
    if (input.dataset.scope === "reader") return d.you;
    const one = make ? reader.chosen(d) : d.list.find((i) => i.id === d.at);
    const row = input.closest("[data-person]");
    if (!row) return one?.f;
    const n = +row.dataset.person;
    if (make) while (one.people.length <= n) one.people.push({});
    return one?.people[n];
  }

  // A form of the reader's details (form.html): fills itself from the data, keeps each change,
  // clears what it shows; its interviewers' rows (a <template data-atl-person>) follow the
  // chosen interview. `show(field)` updates the page.
  function form(root, show) {
    const people = root.querySelector("[data-atl-people]");
    const rows = () => {
      const count = Math.max(1, reader.current()?.people.length ?? 0);
      const shown = people.querySelectorAll("[data-person]");
      for (let n = shown.length; n < count; n++) {
        const row = people.querySelector("template").content.firstElementChild.cloneNode(true);
        row.dataset.person = n;
        for (const el of row.querySelectorAll("[id], [for], [aria-describedby]"))
          for (const name of ["id", "for", "aria-describedby"]) if (el.hasAttribute(name)) el.setAttribute(name, `${el.getAttribute(name)}-${n}`);
        people.querySelector("[data-atl-add-person]").before(row);
      }
      for (const row of [...shown].slice(count)) row.remove();
    };
    const fill = () => {
      if (people) rows();
      for (const input of root.querySelectorAll("[name]")) {
        const value = own(place(input, data), input.name) ?? own(settings().defaults, input.name) ?? "";
        if (input.value !== value) input.value = value;
      }
      show();
    };
    root.addEventListener("input", ({ target }) => {
      if (!target.name) return;
      const value = text(target.value);
      reader.change((d) => {
        const where = place(target, d, true);
        if (value) where[target.name] = value;
        else delete where[target.name];
      }, target.name);
    });
    root.addEventListener("click", ({ target }) => {
      const button = target.closest("button");
      if (button?.matches("[data-atl-add-person]")) {
        reader.change((d) => reader.chosen(d).people.push({}));
        fill();
        people.querySelector("[data-person]:last-of-type [name]")?.focus();
      } else if (button?.matches("[data-atl-remove-person]")) {
        const n = +button.closest("[data-person]").dataset.person;
        reader.change((d) => reader.current()?.people.splice(n, 1));
        fill();
      } else if (button?.matches("[data-details-clear]")) {
        reader.change((d) => {
          for (const input of root.querySelectorAll("[name]")) delete place(input, d)?.[input.name];
          if (people && reader.current()) reader.current().people = [];
        });
        root.querySelector("[data-details-announce]").textContent = JSON.parse(root.dataset.words).cleared;
        root.querySelector("[name]")?.focus();
      }
    });
    // what was typed before this script arrived stays, even where storage fails
    const typed = (input) => (input.options
      ? input.selectedIndex !== Math.max(0, [...input.options].findIndex((o) => o.defaultSelected))
      : input.value !== input.defaultValue);
    for (const input of root.querySelectorAll("[name]")) if (typed(input)) input.dispatchEvent(new Event("input", { bubbles: true }));
    reader.watch(root, (field) => (field ? show(field) : fill()));
    fill();
  }

  // The picker: which interview this page is for; switch, or add one
  function picker(root) {
    const select = root.querySelector("select");
    const show = () => {
      const options = data.list.map((one) => new Option(reader.title(one), one.id, false, one.id === data.at));
      select.replaceChildren(...(options.length ? options : [new Option(word("none"), "")]));
      select.disabled = !options.length;
    };
    select.addEventListener("change", () => reader.choose(select.value));
    root.querySelector("[data-atl-add]").addEventListener("click", () => {
      reader.add();
      root.querySelector("[data-atl-announce]").textContent = word("added", { title: reader.title(reader.current()) });
    });
    reader.watch(root, show);
    show();
  }

  atl.reader = reader;
  load();
  addEventListener("storage", (event) => {
    if (event.key !== KEY && event.key !== null) return;
    load();
    for (const listener of listeners) if (listener.node.isConnected) listener.show();
  });
  atl.everyPage(tell);
  atl.each("[data-atl-picker]", picker);
})();
