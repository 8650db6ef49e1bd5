// Follow-up planner: the chosen interview's dates on the page's timeline, why a date moved (a
// public holiday), and its calendar file. Dates come from calendar.js; the interview from
// reader.js. Markup: planner.py and planner.html.
(() => {

  function init(form) {
    const { reader, calendar: cal } = atl;
    const scope = form.closest("article") || document.body;
    const words = JSON.parse(form.dataset.words);
    const steps = JSON.parse(form.dataset.steps);
    const item = (id) => scope.querySelector(`[data-step="${id}"]`);
    const status = scope.querySelector("[data-plan-status]");
    const button = scope.querySelector("[data-plan-calendar]");
    const downloaded = scope.querySelector("[data-plan-calendar-status]");
    let dates = [];

    function update() {
      const one = reader.current();
      const found = cal.planFor(one, steps, update);
      dates = found ?? [];  // null: the region's holidays are on their way, and update runs again
      const next = dates.indexOf(cal.ahead(dates)[0]);  // -1: nothing left to do
      steps.forEach((step, index) => {
        const date = dates[index];
        const li = item(step.id);
        // the next step is the first not passed and not done, as on Your follow-ups
        const state = !date ? "" : date.done ? "done" : index === next ? "next" : date.state === "next" ? "ahead" : date.state;
        if (state) li.dataset.state = state;
        else delete li.dataset.state;
        li.querySelector("[data-step-date]").textContent = date ? cal.dateWords(date, step, one, words) : "";
        li.querySelector("[data-step-note]").textContent = date ? cal.notes(date, words, one) : "";
      });
      const f = one?.f ?? {};
      // the step overdue (as on Your follow-ups), then the next one
      const late = dates.find((d) => d.state === "overdue");
      const said = [late && atl.fill(words.overdue_now, { step: steps[dates.indexOf(late)].title, date: reader.longDate(late.date, one) }),
        next >= 0 && atl.fill(words.next, { step: steps[next].title, date: item(steps[next].id).querySelector("[data-step-date]").textContent })];
      let text = !found ? words.pending : !dates.length ? (f.interview_date ? words.check_date : words.start)
        : said.filter(Boolean).join(" ") || words.all_passed;
      if (dates.length && reader.decisionEarly(f)) text += ` ${words.decision_early}`;
      if (status.textContent !== text) status.textContent = text;  // the same words are not read out again
      button.disabled = next < 0;
      downloaded.textContent = "";
    }

    button.addEventListener("click", async () => {
      const files = await cal.files(downloaded, words);
      if (!files) return;
      const events = files.events(reader.current(), dates, steps, words, scope);
      files.ics(events, form.dataset.product, cal.fileName(reader.current(), words));
      downloaded.textContent = atl.fill(words.calendar_done, { count: events.length });
    });
    reader.form(form, update);
  }

  atl.each("form[data-planner]", init);
})();
