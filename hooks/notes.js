// Note templates: one form fills every template from the chosen interview (reader.js keeps it);
// a template marked for each interviewer is shown once per interviewer, with their own
// details; copy, open in email, word count. Markup: notes.py and notes.html. What the reader
// types is only ever text.
(() => {
  // mailto and clipboard text: CRLF line ends (RFC 6068), every emoji whole
  const crlf = (text) => text.toWellFormed().replace(/\r?\n/g, "\r\n");
  const address = (to) => encodeURIComponent(atl.reader.address(to)).replace("%40", "@");
  const mailto = (to, subject, body) => `mailto:${address(to)}?subject=${encodeURIComponent(crlf(subject))}&body=${encodeURIComponent(crlf(body))}`;
  const MAILTO_LIMIT = 2000;

  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {}
    const area = Object.assign(document.createElement("textarea"), { value: text, readOnly: true });
    area.style.cssText = "position:fixed;opacity:0";
    document.body.append(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch {}
    area.remove();
    return copied;
  }

  function init(form) {
    const reader = atl.reader;
    const scope = form.closest("article") || document.body;
    const words = JSON.parse(form.dataset.words);
    const kinds = JSON.parse(form.dataset.kinds);  // field id -> [scope, kind]
    // on a copy for each interviewer, who it is for: their first field in the form (their name),
    // or their number
    const personField = form.querySelector("[data-person] [name]")?.name;
    // a note, and the fields it shows: its placeholders, its recipient, whom it is for
    function card(el) {
      const marks = [...el.querySelectorAll("mark[data-field]")];
      const mailto = el.querySelector("[data-note-mailto]");
      const forWhom = el.querySelector("[data-note-for]");
      return {
        el,
        subject: el.querySelector("[data-note-subject]"),
        body: el.querySelector("[data-note-body]"),
        mailto,
        long: el.querySelector("[data-note-long]"),
        words: el.querySelector("[data-note-words]"),
        status: el.querySelector("[data-note-status]"),
        for: forWhom,
        marks,
        fields: new Set([...marks.map((m) => m.dataset.field), mailto?.dataset.to, forWhom && personField].filter(Boolean)),
      };
    }
    let cards = [...scope.querySelectorAll("[data-note]")].map(card);
    for (const mark of scope.querySelectorAll("mark[data-field]")) mark.dataset.empty = mark.textContent;

    // a field's value as a note shows it: from the reader, the interview, or the card's interviewer
    function value(field, person) {
      const [where, kind] = kinds[field] ?? ["interview", "text"];
      const one = reader.current();
      const raw = (where === "reader" ? reader.data().you : where === "interviewer" ? one?.people[person] : one?.f)?.[field] ?? "";
      const date = kind === "date" && reader.date(raw);
      return date ? reader.longDate(date) : kind === "date" ? "" : raw.trim();
    }
    // a template for each interviewer: one card per interviewer of the chosen interview (the
    // first from the page, the others copies of it)
    function perPerson() {
      const count = Math.max(1, reader.current()?.people.length ?? 0);
      for (const first of scope.querySelectorAll("[data-note][data-each]:not([data-copy])")) {
        first.dataset.person = 0;
        const copies = [...scope.querySelectorAll(`[data-note="${first.dataset.note}"][data-copy]`)];
        for (const extra of copies.slice(count - 1)) extra.remove();
        let last = copies[Math.min(copies.length, count - 1) - 1] ?? first;
        for (let n = copies.length + 1; n < count; n++) {
          const el = first.cloneNode(true);
          Object.assign(el.dataset, { copy: "", person: n });
          last.after(el);
          last = el;
        }
      }
      cards = [...scope.querySelectorAll("[data-note]")].map((el) => cards.find((c) => c.el === el) ?? card(el));
    }
    function fill(c) {
      const person = +(c.el.dataset.person ?? 0);
      if (c.for) {
        const name = value(personField, person);
        c.for.textContent = atl.fill(name ? words.for_person : words.for_number, { name, number: person + 1 });
        c.for.hidden = (reader.current()?.people.length ?? 0) < 2;
      }
      for (const mark of c.marks) {
        const text = value(mark.dataset.field, person);
        if (mark.textContent !== (text || mark.dataset.empty)) mark.textContent = text || mark.dataset.empty;
        mark.classList.toggle("atl-ph--filled", Boolean(text));
      }
      const body = c.body.textContent;
      if (c.status.textContent) c.status.textContent = "";  // "Copied" was said of the text before
      if (c.mailto) {  // an email, not a phone script (email: false)
        const href = mailto(c.mailto.dataset.to ? value(c.mailto.dataset.to, person) : "", c.subject.textContent, body);
        const fits = href.length <= MAILTO_LIMIT;
        if (fits) {
          c.mailto.href = href;
          c.mailto.removeAttribute("aria-disabled");
        } else {
          c.mailto.removeAttribute("href");
          c.mailto.setAttribute("aria-disabled", "true");
        }
        c.long.hidden = fits;
      }
      const count = body.split(/\s+/).filter(Boolean).length;
      const { minWords: min, maxWords: max } = c.el.dataset;
      c.words.textContent = atl.fill(min ? words.word_target : words.word_count, { count, min, max });
    }

    scope.addEventListener("click", async (event) => {
      const button = event.target.closest("[data-note-copy]");
      const c = button && cards.find((n) => n.el.contains(button));
      if (!c) return;
      const parts = button.dataset.noteCopy === "body" ? [c.body] : [c.subject, c.body];
      const text = parts.map((part) => part.textContent).join("\n\n").toWellFormed();
      // the placeholders copied unfilled, each named once: "[Job title]"
      const blanks = new Set(parts.flatMap((part) => [...part.querySelectorAll(".atl-ph:not(.atl-ph--filled)")].map((m) => m.textContent)));
      c.status.textContent = !(await copyText(text)) ? words.copy_failed
        : blanks.size ? atl.fill(words.copied_blanks, { blanks: [...blanks].join(", ") }) : words.copied;
    });
    // a keystroke refreshes the notes that use its field; anything else, every note
    reader.form(form, (field) => {
      if (!field) perPerson();
      for (const c of cards) if (!field || c.fields.has(field)) fill(c);
    });
  }

  atl.each("form[data-notes]", init);
})();
