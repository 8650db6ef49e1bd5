// The reader's own data, kept in this browser only (one localStorage key for the site): who
// they are, and their interviews, each with its details (where the job is among them), its
// interviewers and its checklist ticks. Every page that uses it says which interview it is
// for (picker.html) and lets the reader switch or add one; the choice is shared by every page
// and tab. What comes out of storage is checked as strictly as what a reader types: known
// shapes only, text only, every emoji whole. Markup: reader.py, picker.html. The forms and
// the dates are details.js's; the first version's data is moved by migrate.js.
(() => {
  const SCHEMA = 2;
  const KEY = atl.key("reader", "data");
  const MAX = { list: 1000, people: 20, keys: 60, text: 2000, ticks: 500 };
  const FIELD = /^(?!constructor$)[a-z][a-z0-9_]*$/;  // as the build checks a field's id
  const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;  // a checklist's or an item's id
  const INTERVIEW = /^[a-z0-9]{4,24}$/;
  // a region's code (a country's two capitals, then maybe a subdivision): a choice of where a
  // job is that this site does not offer (kept from another edition's file) stays, and the forms say so
  const REGION = /^[A-Z]{2}(-[A-Za-z0-9]([A-Za-z0-9 ]{0,38}[A-Za-z0-9])?)?$/;
  const listeners = new Set();
  let config;  // where fields are kept, defaults and words (reader.py): the same on every page
  let data;
  let told = false;  // a write failed: storage is full or turned off
  let locked = false;  // storage holds a value this version cannot read: it is never written over
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
        if (FIELD.test(name) && text(value) && ((reader.choices(name)?.includes(value) ?? true) || is(REGION, value))) out[name] = text(value);
    return out;
  }
  function interview(raw) {
    if (!is(INTERVIEW, own(raw, "id"))) return null;
    const ticks = {};
    for (const [checklist, done] of Object.entries(own(raw, "ticks") ?? {}))
      if (is(NAME, checklist)) ticks[checklist] = list(done, MAX.ticks).filter((item) => is(NAME, item));
    // steps marked done; one that a checklist item now stands for (`done_with:`) becomes its tick
    const marked = list(own(raw, "done"), MAX.ticks).filter((step) => is(NAME, step));
    const done = marked.filter((step) => !reader.doneWith(step));
    for (const [checklist, item] of marked.map(reader.doneWith).filter(Boolean))
      if (!(ticks[checklist] ??= []).includes(item)) ticks[checklist].unshift(item);
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
    const you = fields(own(raw, "you"));
    // what earlier versions kept once for every interview (where the job is) goes to each
    // interview without its own, so that a file's `you` replacing this one's changes none
    for (const name of interviews.length ? Object.keys(you) : [])
      if (reader.scopeOf(name) === "interview") {
        for (const one of interviews) one.f[name] ??= you[name];
        delete you[name];
      }
    return { v: SCHEMA, you, at, list: interviews };
  }
  const blank = () => ({ id: Date.now().toString(36) + Math.random().toString(36).slice(2, 8), f: {}, people: [], ticks: {}, done: [] });

  // The stored data, read. A value this version cannot read was kept by a newer version of
  // the site (say, this page read offline after an update) or is damaged: it stays as it is,
  // the reader is told, and "Delete everything" clears it.
  function load() {
    const stored = atl.load(KEY, SCHEMA);
    locked = !stored && atl.keys(KEY).includes(KEY);
    data = clean(stored);
    tell();
  }
  // show the data wherever a page shows it (`field`: what changed, when it is one field);
  // forget the places that have left the page
  function show(field) {
    for (const listener of listeners)
      if (!listener.node.isConnected) listeners.delete(listener);
      else listener.show(field);
  }
  // The first version kept one set of details, and each checklist's ticks, under keys of their
  // own: where they are found, migrate.js makes them the first interview (once: the old keys
  // go when that is stored)
  const OLD = { details: atl.key("details", "reader"), ticks: atl.key("checklist", "") };  // ticks: a prefix
  const oldKeys = () => [...atl.keys(OLD.details), ...atl.keys(OLD.ticks)];
  async function migrate() {
    await atl.script("migrate");
    const old = reader.migrated();
    const merge = (d) => {
      d.list.unshift(...old.list);
      d.you = { ...old.you, ...d.you };  // what was typed since this page opened wins
    };
    if (old && reader.change(merge)) atl.forget(oldKeys());
  }
  // The whole data in one write: stored whole, or (storage full or refused, or holding what
  // this version cannot read) not at all; then the reader is told, and what is on the page stays.
  function save() {
    const saved = !locked && atl.save(KEY, data.list.length || Object.keys(data.you).length ? data : null);
    told = !saved && !locked;
    tell();
    return saved;
  }
  function tell() {
    const why = locked ? word("unread") : told ? word("storage") : "";
    for (const note of document.querySelectorAll("[data-atl-storage-note]")) {
      note.hidden = !why;
      if (why && note.textContent !== why) note.textContent = why;
    }
  }

  const reader = {
    data: () => data,
    locked: () => locked,
    current: () => data.list.find((one) => one.id === data.at) ?? null,
    // change the data (`edit(data)`), keep it, and show it wherever the page shows it;
    // `field` names what changed, when it is one field. True when it is stored.
    change(edit, field) {
      edit(data);
      data = clean(data);
      const saved = save();
      show(field);
      return saved;
    },
    // the chosen interview in `d` (as `change` passes it); made when there is none, for the
    // reader who starts typing or ticking without one
    chosen(d) {
      let one = d.list.find((i) => i.id === d.at);
      if (!one) d.list.push((one = blank())), (d.at = one.id);
      return one;
    },
    // a new interview, chosen, where the job shown is (until the reader says otherwise); false
    // (and nothing changes) when the list is full
    add() {
      const one = blank();
      const region = reader.current()?.f.region;
      if (region) one.f.region = region;
      return data.list.length < MAX.list && (reader.change((d) => d.list.push(one) && (d.at = one.id)), true);
    },
    max: MAX.list,
    word,
    choose: (id) => reader.change((d) => (d.at = id)),
    remove: (id) => reader.change((d) => (d.list = d.list.filter((one) => one.id !== id))),
    // what is stored, again, once the site's data was deleted (atl.forget): nothing, unless
    // the browser refused
    reset() {
      load();
      show();
    },
    // call `show(field)` after every change, here or in another tab, while `node` is on the page
    watch: (node, show) => listeners.add({ node, show }),
    // a field of interview `one` (the chosen one by default): its own value, else the reader's
    // (kept by earlier versions while there was no interview: clean() moves it to the first), else the site's default
    field: (name, one = reader.current()) => own(one?.f, name) ?? own(data.you, name) ?? reader.defaultOf(name) ?? "",
    region: (one) => reader.field("region", one),  // where the interview's job is
    defaultOf: (name) => own(settings().defaults, name),  // a field's default (reader.py)
    scopeOf: (name) => own(settings().scopes, name),  // where a field is kept (reader.py)
    choices: (name) => own(settings().choices, name),  // the values a field may take (reader.py), if it is a choice
    // the checklist item whose tick is a planner step's "done" ([checklist, item], reader.py), if any
    doneWith: (step) => (typeof step === "string" ? own(settings().done_with, step) : undefined),
    // an interview's name in lists: its company and job title, else "Interview 2"
    title: (one) => [one.f.company, one.f.role].filter(Boolean).join(", ") || word("untitled", { n: data.list.indexOf(one) + 1 }),
    clean,
    OLD,
    text,
    own,
    blank,
  };

  // The picker: which interview this page is for; switch, or add one
  function picker(root) {
    const select = root.querySelector("select");
    const printed = root.querySelector("[data-atl-picker-for]");
    const show = () => {
      const options = data.list.map((one) => new Option(reader.title(one), one.id, false, one.id === data.at));
      select.replaceChildren(...(options.length ? options : [new Option(word("none"), "")]));
      select.disabled = !options.length;
      printed.textContent = reader.current() ? word("printed_for", { title: reader.title(reader.current()) }) : "";
    };
    select.addEventListener("change", () => reader.choose(select.value));
    root.querySelector("[data-atl-add]").addEventListener("click", () => {
      const added = reader.add();
      const note = root.querySelector("[data-atl-announce]");
      note.textContent = added ? word("added", { title: reader.title(reader.current()) }) : word("full", { max: MAX.list });
      note.classList.toggle("atl-sr-only", added);  // a list that is full is said to everyone
    });
    reader.watch(root, show);
    show();
  }

  atl.reader = reader;
  load();
  if (!data.list.length && oldKeys().length) migrate().catch(() => {});
  // what another tab keeps, and what changed while this page sat in the back-forward cache
  addEventListener("storage", (event) => (event.key === KEY || event.key === null) && reader.reset());
  addEventListener("pageshow", (event) => event.persisted && reader.reset());
  atl.everyPage(tell);
  atl.each("[data-atl-picker]", picker);
})();
