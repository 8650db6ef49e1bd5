// Follow-up planner: each step's date from the interview day by the page's rules, and a
// calendar file of them, all made in this browser. Markup: planner.py and planner.html.
(() => {
  const DAY = 864e5;
  const dayNumber = (iso) => Date.parse(`${iso}T00:00Z`) / DAY;
  const isoDate = (day) => new Date(day * DAY).toISOString().slice(0, 10);
  const weekend = (day) => [0, 6].includes(new Date(day * DAY).getUTCDay());
  const localToday = () => {
    const now = new Date();
    return new Date(now - now.getTimezoneOffset() * 6e4).toISOString().slice(0, 10);
  };

  // `count` business days after the date `iso`; 0 is that day, or the next business day
  function businessDaysAfter(iso, count) {
    let day = dayNumber(iso);
    if (count === 0) while (weekend(day)) day++;
    for (let left = count; left > 0; ) if (!weekend(++day)) left--;
    return isoDate(day);
  }

  // Every step's date (yyyy-mm-dd) from `given` {interview, decision}, by the first of its
  // `after` rules whose start is known; a decision date before the interview is left out.
  // `state`: passed (before today), next (the first not passed), or ahead.
  function plan(steps, given, today) {
    const known = { interview: given.interview };
    if (given.decision >= given.interview) known.decision = given.decision;
    let seenNext = false;
    return steps.map((step) => {
      const [from, count] = step.after.find(([start]) => known[start]);
      const date = (known[step.id] = businessDaysAfter(known[from], count));
      const state = date < today ? "passed" : seenNext ? "ahead" : "next";
      seenNext ||= state === "next";
      return { id: step.id, from, date, state };
    });
  }

  // RFC 5545 text: \ ; , escaped, line breaks as \n; lines folded at 75 octets (UTF-8),
  // never inside a character, each continuation starting with a space
  const icsText = (text) => text.replace(/[\\;,]/g, "\\$&").replace(/\r?\n/g, "\\n");
  const utf8 = new TextEncoder();
  function fold(line) {
    let folded = "";
    let size = 0;
    for (const char of line) {
      const octets = utf8.encode(char).length;
      if (size + octets > 75) {
        folded += "\r\n ";
        size = 1;
      }
      folded += char;
      size += octets;
    }
    return folded;
  }

  // An iCalendar file of all-day events {uid, date, summary, description}, each with a
  // reminder at 9:00 that day; `stamp` is when it was made (UTC, 20261121T090000Z)
  function calendar(events, product, stamp) {
    const ymd = (iso) => iso.replaceAll("-", "");
    const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:-//${icsText(product)}//Follow-up planner//EN`,
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    for (const event of events) {
      lines.push("BEGIN:VEVENT", `UID:${event.uid}`, `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${ymd(event.date)}`, `DTEND;VALUE=DATE:${ymd(isoDate(dayNumber(event.date) + 1))}`,
        `SUMMARY:${icsText(event.summary)}`, `DESCRIPTION:${icsText(event.description)}`, "TRANSP:TRANSPARENT",
        "BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${icsText(event.summary)}`, "TRIGGER:PT9H", "END:VALARM",
        "END:VEVENT");
    }
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  // a short, stable tag of a text: the same interview's events keep their UIDs on a new download
  const tag = (text) => [...text].reduce((hash, char) => (hash * 31 + char.codePointAt(0)) >>> 0, 7).toString(36);

  const ready = new WeakSet();
  function init(form) {
    if (ready.has(form)) return;
    ready.add(form);
    const scope = form.closest("article") || document.body;
    const words = JSON.parse(form.dataset.words);
    const steps = JSON.parse(form.dataset.steps);
    const value = (name) => form.elements[name].value.trim();
    const item = (id) => scope.querySelector(`[data-step="${id}"]`);
    const status = scope.querySelector("[data-plan-status]");
    const button = scope.querySelector("[data-plan-calendar]");
    const downloaded = scope.querySelector("[data-plan-calendar-status]");
    let dates = [];

    function dateWords(step, found) {
      let text = atl.longDate(found.date);
      if (step.keep_time && value("interview_time")) {
        text = atl.fill(words.at_time, { date: text, time: value("interview_time") });
      }
      if (found.date === localToday()) return `${text} (${words.today})`;
      return found.state === "passed" ? `${text} (${words.passed})` : text;
    }
    function update() {
      const given = { interview: value("interview_date"), decision: value("decision_date") };
      dates = given.interview ? plan(steps, given, localToday()) : [];
      steps.forEach((step, index) => {
        const found = dates[index];
        const li = item(step.id);
        if (found) li.dataset.state = found.state;
        else delete li.dataset.state;
        li.querySelector("[data-step-date]").textContent = found ? dateWords(step, found) : "";
      });
      const next = dates.findIndex((found) => found.state === "next");
      let text = !given.interview ? words.start : next < 0 ? words.all_passed
        : atl.fill(words.next, { step: steps[next].title, date: item(steps[next].id).querySelector("[data-step-date]").textContent });
      if (given.decision && given.decision < given.interview) text += ` ${words.decision_early}`;
      if (status.textContent !== text) status.textContent = text;  // the same words are not read again
      button.disabled = next < 0;
      downloaded.textContent = "";
    }

    button.addEventListener("click", () => {
      const [role, company] = [value("role"), value("company")];
      const about = role && company ? atl.fill(words.role_at, { role, company }) : role || company;
      const events = dates.filter((found) => found.state !== "passed").map((found) => {
        const step = steps.find((s) => s.id === found.id);
        const li = item(step.id);
        const description = [
          li.querySelector("[data-step-date]").textContent,
          li.querySelector("[data-step-rule]").textContent,
          li.querySelector("[data-step-text]")?.textContent.trim(),
          ...[...li.querySelectorAll(".atl-step__links a")].map((a) => `${a.textContent}: ${a.href}`),
        ];
        return {
          uid: `${value("interview_date")}-${step.id}-${tag(about)}@${location.hostname}`,
          date: found.date,
          summary: about ? atl.fill(words.event, { title: step.title, about }) : step.title,
          description: description.filter(Boolean).join("\n"),
        };
      });
      const stamp = new Date().toISOString().replace(/[-:]|\.\d+/g, "");
      const file = new Blob([calendar(events, form.dataset.product, stamp)], { type: "text/calendar;charset=utf-8" });
      const link = Object.assign(document.createElement("a"), { href: URL.createObjectURL(file), download: words.file_name });
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1e4);
      downloaded.textContent = atl.fill(words.calendar_done, { count: events.length });
    });
    atl.detailsForm(form, update);
  }

  atl.planner = { businessDaysAfter, plan, calendar };  // for the tests' table of date cases
  atl.everyPage(() => document.querySelectorAll("[data-planner]").forEach(init));
})();
