// Note templates: one form fills every template; copy, open in email, keep values in this
// browser only. Markup: notes.py and notes.html. What the reader types is only ever text.
(() => {
  const ready = new WeakSet();
  const crlf = (text) => text.replace(/\r?\n/g, "\r\n");
  const mailto = (subject, body) =>
    `mailto:?subject=${encodeURIComponent(crlf(subject))}&body=${encodeURIComponent(crlf(body))}`;
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
    if (ready.has(form)) return;
    ready.add(form);
    const scope = form.closest("article") || document.body;
    const words = JSON.parse(form.dataset.words);
    const all = (selector, el = scope) => [...el.querySelectorAll(selector)];
    const notes = all("[data-note]").map((el) => ({
      el,
      subject: el.querySelector("[data-note-subject]"),
      body: el.querySelector("[data-note-body]"),
      mailto: el.querySelector("[data-note-mailto]"),
      long: el.querySelector("[data-note-long]"),
      words: el.querySelector("[data-note-words]"),
      status: el.querySelector("[data-note-status]"),
      fields: new Set(all("mark[data-field]", el).map((m) => m.dataset.field)),
    }));
    for (const mark of all("mark[data-field]")) mark.dataset.empty = mark.textContent;

    function fillField(input) {
      const value = input.type === "date" && input.value ? atl.longDate(input.value) : input.value.trim();
      for (const mark of all(`mark[data-field="${input.name}"]`)) {
        mark.textContent = value || mark.dataset.empty;
        mark.classList.toggle("atl-ph--filled", Boolean(value));
      }
    }
    function refresh(note) {
      const subject = note.subject.textContent;
      const body = note.body.textContent;
      const href = mailto(subject, body);
      const fits = href.length <= MAILTO_LIMIT;
      if (fits) note.mailto.href = href;
      else note.mailto.removeAttribute("href");
      note.mailto.toggleAttribute("aria-disabled", !fits);
      note.long.hidden = fits;
      const count = body.split(/\s+/).filter(Boolean).length;
      const { minWords: min, maxWords: max } = note.el.dataset;
      note.words.textContent = atl.fill(min ? words.word_target : words.word_count, { count, min, max });
    }

    scope.addEventListener("click", async (event) => {
      const button = event.target.closest("[data-note-copy]");
      const note = button && notes.find((n) => n.el.contains(button));
      if (!note) return;
      const body = note.body.textContent;
      const text = button.dataset.noteCopy === "body" ? body : `${note.subject.textContent}\n\n${body}`;
      note.status.textContent = (await copyText(text)) ? words.copied : words.copy_failed;
    });
    atl.detailsForm(form, (changed) => {
      changed.forEach(fillField);
      // one keystroke updates the notes that use its field; a restore or clear updates all
      for (const note of notes) if (changed.length > 1 || note.fields.has(changed[0].name)) refresh(note);
    });
  }

  atl.everyPage(() => document.querySelectorAll("[data-notes]").forEach(init));
})();
