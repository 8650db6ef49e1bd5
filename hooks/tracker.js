// Your follow-ups: every interview the reader keeps (reader.js), with the step that is overdue
// (its date passed and it is not done) and the next one not done, overdue ones first; either
// can be marked done (a thank-you sent tonight is done before its date: on the checklist too,
// where the step is done with an item), and the latest one done taken back; add, edit,
// remove; one calendar file for them all; download, import
// and delete all the data. Dates come from calendar.js, files from files.js (loaded when first
// asked for). Markup: planner.py and tracker.html.
(() => {

  function init(root) {
    const { reader, calendar: cal } = atl;
    const article = root.closest("article") || document.body;
    const words = JSON.parse(root.dataset.words);
    const plannerWords = JSON.parse(root.dataset.plannerWords);
    const steps = JSON.parse(root.dataset.steps);
    const list = root.querySelector("[data-tracker-list]");
    const template = root.querySelector("[data-tracker-item]");
    const editor = root.querySelector("[data-tracker-editor]");
    const legend = editor.querySelector("legend");
    const status = root.querySelector("[data-tracker-status]");
    const addButton = root.querySelector("[data-tracker-add]");  // where the keyboard goes when its interview has gone
    const stepsRoot = article.querySelector(".atl-tracker__steps");
    const dataStatus = article.querySelector("[data-tracker-data-status]");
    const preview = article.querySelector("[data-tracker-preview]");
    let editing = null;  // the interview whose details the editor shows
    let incoming = null;  // an imported file's data, waiting for the reader's yes

    // what an interview's item shows; `dates` null while its region's holidays are on their way
    function summary(one) {
      const dates = cal.planFor(one, steps, show);
      if (!dates) return { one, dates, rank: "2" };
      const overdue = dates.find((d) => d.state === "overdue") ?? null;
      const next = cal.ahead(dates)[0] ?? null;
      const rank = overdue ? `0${overdue.date}` : next ? `1${next.date}` : dates.length ? "3" : "2";
      return { one, dates, overdue, next, rank };
    }
    const stepOf = (id) => steps.find((s) => s.id === id);
    // an overdue step's date; the next one's as the planner writes it (its time, "today")
    const line = (found, pattern, date) => atl.fill(pattern, { step: stepOf(found.id).title, date });
    // an interview's name with its date, where two untitled ones could be mixed up ("Interview 1"
    // is another one once the first is removed)
    function named(one) {
      const date = reader.date(one.f.interview_date ?? "");
      return date ? atl.fill(words.named, { title: reader.title(one), date: reader.longDate(date, one) }) : reader.title(one);
    }
    function render(s) {
      const li = template.content.firstElementChild.cloneNode(true);
      li.dataset.interview = s.one.id;
      const heading = Object.assign(li.querySelector("h2"), { id: `atl-interview-${s.one.id}`, textContent: reader.title(s.one) });
      const date = reader.date(s.one.f.interview_date ?? "");
      li.querySelector("[data-when]").textContent = date ? atl.fill(words.interview_on, { date: reader.longDate(date, s.one) }) : words.no_date;
      const overdue = li.querySelector("[data-overdue]");
      overdue.hidden = !s.overdue;
      if (s.overdue) overdue.textContent = line(s.overdue, words.overdue, reader.longDate(s.overdue.date, s.one));
      const next = s.next && line(s.next, words.next, cal.dateWords(s.next, stepOf(s.next.id), s.one, plannerWords));
      const unknown = s.next && cal.unknown(s.next, plannerWords);
      li.querySelector("[data-next]").textContent = !s.dates ? plannerWords.pending
        : unknown ? atl.fill(words.next_unknown, { next, note: unknown }) : next || (s.dates.length && !s.overdue ? words.done : "");
      const focus = s.overdue ?? s.next;  // the step to do now
      const undo = s.dates?.findLast((found) => found.done)?.id;  // the latest step done, to take back
      li.querySelector("[data-mark]").hidden = !focus && !undo;
      for (const [selector, step, pattern] of [["[data-mark-done]", focus?.id, words.mark_done], ["[data-unmark]", undo, words.unmark]])
        Object.assign(li.querySelector(selector), { hidden: !step, value: step ?? "", textContent: step ? atl.fill(pattern, { step: stepOf(step).title }) : "" });
      li.querySelector("[data-dates]").href = stepsRoot.querySelector("[data-planner-link] a").href;
      const links = focus && stepsRoot.querySelector(`[data-step="${focus.id}"] .atl-step__links`);
      if (links) li.querySelector("[data-step-links]").append(" · ", ...[...links.cloneNode(true).childNodes]);
      li.querySelector("[data-calendar]").disabled = !s.next;
      li.querySelector("[data-edit]").setAttribute("aria-expanded", editing === s.one.id);
      // each item's buttons and links say, to a screen reader, which interview they are for
      for (const control of li.querySelectorAll("button, a")) control.setAttribute("aria-describedby", heading.id);
      return li;
    }
    // what the keyboard is on in an item, to find again in the item drawn anew: a link by its
    // address, a button by what it does (its first data- attribute) and to which step, else the
    // heading (not another step's button, which Enter would then mark)
    const kind = (el) => el.getAttribute("href") ?? `${el.getAttributeNames().find((name) => name.startsWith("data-"))} ${el.value}`;
    function show() {
      const all = reader.data().list.map(summary);
      all.sort((a, b) => a.rank.localeCompare(b.rank));
      // the keyboard stays where it was in an item drawn anew (its holidays come, another tab
      // writes), else goes to its heading; to "Add an interview" when the item has gone
      const was = list.contains(document.activeElement) && document.activeElement;
      list.replaceChildren(...all.map(render));
      const li = was && list.querySelector(`[data-interview="${was.closest("[data-interview]").dataset.interview}"]`);
      const to = li && [...li.querySelectorAll("a, button")].find((el) => kind(el) === kind(was) && !el.closest("[hidden]") && !el.disabled);
      if (was) (to ?? li?.querySelector("h2") ?? addButton).focus();
      // "no interviews yet" when there are none, said once; other news stays
      const none = !all.length;
      if (none !== (status.textContent === words.none)) status.textContent = none ? words.none : "";
      // the editor is for the chosen interview: closed when another is chosen (in another
      // tab too) or it is removed; the keyboard in it goes back to the list
      if (editing !== reader.data().at) close(editor.contains(document.activeElement));
      root.querySelector("[data-tracker-calendar]").disabled = !all.some((s) => s.next);
    }
    // a keystroke in the editor: that interview's item only
    function showOne() {
      const one = reader.current();
      const li = one && list.querySelector(`[data-interview="${one.id}"]`);
      const s = li && summary(one);
      if (s) li.replaceWith(render(s));
      if (one) legend.textContent = atl.fill(words.editing, { title: reader.title(one) });
    }

    function open(id) {
      reader.choose(id);
      editing = id;
      editor.hidden = false;
      show();
      showOne();  // the editor's legend names the interview: it opens below the whole list
      editor.querySelector("input")?.focus();
    }
    // Closed by the reader (`focus`): the list is sorted again (a keystroke updates its item
    // only, in place) and the keyboard goes back to its Edit button. Closed as another tab
    // chose another interview: neither.
    function close(focus = true) {
      if (editing === null) return;
      const id = editing;
      editing = null;
      editor.hidden = true;
      if (focus) show();
      const edit = list.querySelector(`[data-interview="${id}"] [data-edit]`);
      edit?.setAttribute("aria-expanded", "false");
      if (focus) (edit ?? addButton).focus();
    }
    async function download(interviews, name) {
      const [files] = await Promise.all([cal.files(status, plannerWords), cal.ready(interviews)]);
      if (!files) return;
      const events = interviews.map(summary).flatMap((s) => files.events(s.one, s.dates, steps, plannerWords, stepsRoot));
      files.ics(events, root.dataset.product, name);
      status.textContent = atl.fill(words.calendar_done, { count: events.length });
    }

    root.addEventListener("click", (event) => {
      const button = event.target.closest("button, a");
      const id = button?.closest("[data-interview]")?.dataset.interview;
      const one = reader.data().list.find((o) => o.id === id);  // the interview whose button it is
      if (!button) return;
      if (button.matches("[data-tracker-add]")) {
        if (reader.add()) open(reader.current().id);
        else status.textContent = reader.word("full", { max: reader.max });
      } else if (button.matches("[data-editor-close]")) close();
      else if (button.matches("[data-tracker-calendar]")) download(reader.data().list, words.file_all);
      else if (!id) return;
      else if (button.matches("[data-edit]")) editing === id ? close() : open(id);
      else if (button.matches("[data-calendar]")) download([one], cal.fileName(one, plannerWords));
      else if (button.matches("[data-remove]") && confirm(atl.fill(words.remove_confirm, { title: named(one) }))) {
        const title = named(one);
        reader.remove(id);
        status.textContent = atl.fill(words.removed, { title });
        addButton.focus();
      } else if (button.matches("[data-mark-done], [data-unmark]")) {
        // the second click of a double tap or click would mark (or take back) the step whose
        // button the first one put under the finger
        if (event.detail > 1) return;
        const marking = button.matches("[data-mark-done]");
        reader.change((d) => cal.mark(d.list.find((o) => o.id === id), stepOf(button.value), marking));
        status.textContent = atl.fill(marking ? words.marked : words.unmarked, { step: stepOf(button.value).title });
        list.querySelector(`[data-interview="${id}"] h2`)?.focus();  // the item is drawn anew: its heading
      }
      else if (button.tagName === "A") reader.choose(id);  // its dates, templates and checklist follow it
    });

    // --- the data as a file: download, import (after a preview), delete ---------------------
    article.querySelector("[data-tracker-export]").addEventListener("click", async () => {
      dataStatus.textContent = reader.locked() ? words.export_unread : "";
      if (reader.locked()) return;  // not an empty file that looks like a copy
      const files = await cal.files(dataStatus, plannerWords);
      files?.save(reader.data(), words.export_file);
    });
    article.querySelector("[data-tracker-import]").addEventListener("change", async ({ target }) => {
      const [file] = target.files;
      target.value = "";
      preview.hidden = true;
      if (!file) return;
      const files = await cal.files(dataStatus, plannerWords);
      if (!files) return;
      const found = await files.read(file, reader.data());
      dataStatus.textContent = found.error ? `${atl.fill(words[found.error], { max: reader.max })} ${words.nothing_changed}` : "";
      if (found.error) return;
      incoming = found.incoming;
      preview.querySelector("[data-preview-text]").textContent = atl.fill(words.import_adds, {
        added: found.added, replaced: found.replaced, you: Object.keys(incoming.you).length ? words.import_you : words.import_keep });
      preview.hidden = false;
      preview.querySelector("[data-import-confirm]").focus();
    });
    preview.addEventListener("click", ({ target }) => {
      if (target.matches("[data-import-confirm]") && incoming) {
        const add = incoming;
        const kept = reader.change((d) => atl.files.merge(d, add));  // files.js came with the preview
        dataStatus.textContent = atl.fill(kept ? words.imported : words.import_unkept, { count: reader.data().list.length });
      }
      if (target.matches("[data-import-confirm], [data-import-cancel]")) {
        incoming = null;
        preview.hidden = true;
        article.querySelector("[data-tracker-import]").focus();
      }
    });
    article.querySelector("[data-tracker-delete]").addEventListener("click", () => {
      if (!confirm(words.delete_confirm)) return;
      const base = atl.key("", "").slice(0, -2);  // the site's path: Material's own keys start with it too
      const gone = atl.forget(atl.keys(`${base}:`).concat(atl.keys(`${base}.`)));
      reader.reset();
      dataStatus.textContent = gone ? words.deleted : words.delete_refused;
    });

    editor.addEventListener("keydown", (event) => event.key === "Escape" && !event.isComposing && !event.defaultPrevented && close());
    reader.form(editor.querySelector("form"), (field) => (field ? showOne() : null));
    reader.watch(root, (field) => !field && show());
    show();
  }

  atl.each("[data-atl-tracker]", init);
})();
