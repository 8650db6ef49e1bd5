// Dates for the planner and the follow-ups page: working days that skip weekends and the
// public holidays of the reader's region (a small file per region, made at build time from
// the `holidays` package, fetched when first needed), each step's date by the page's rules,
// and .ics files. All made in this browser. Markup: planner.py.
(() => {
  const DAY = 864e5;
  const dayNumber = (iso) => Date.parse(`${iso}T00:00Z`) / DAY;
  const isoDate = (day) => new Date(day * DAY).toISOString().slice(0, 10);
  const tables = new Map();  // region -> its holidays {from, to, days: {iso: name}}, once fetched
  const waiting = new Set();  // what runs again once they have come (once each, however often asked)

  // the region's holidays, fetched once; a region with no file (or no network) has none
  function holidays(region) {
    if (!tables.has(region))
      tables.set(region, fetch(new URL(`holidays/${encodeURIComponent(region)}.json`, atl.scripts))
        .then((response) => (response.ok ? response.json() : null))
        .catch(() => null)
        .then((table) => (tables.set(region, table ?? {}), table ?? {})));
    return tables.get(region);
  }
  // the table if it has come (holidays() fetches it), else null
  const known = (region) => (tables.get(region) instanceof Promise ? null : tables.get(region) ?? null);

  // `count` working days after the date `iso` (0: that day, or the next working day); the
  // holidays passed over on the way, and the years whose holidays are not known
  function workingDaysAfter(iso, count, table) {
    const skipped = [];
    const unknown = new Set();
    const working = (day) => {
      const date = isoDate(day);
      const year = +date.slice(0, 4);
      if ([0, 6].includes(new Date(day * DAY).getUTCDay())) return false;
      if (!(year >= table.from && year <= table.to)) unknown.add(year);
      const name = Object.hasOwn(table.days ?? {}, date) && table.days[date];
      if (name) skipped.push([date, name]);
      return !name;
    };
    let day = dayNumber(iso);
    if (count === 0) while (!working(day)) day++;
    for (let left = count; left > 0; ) if (working(++day)) left--;
    return { date: isoDate(day), skipped, unknown: [...unknown] };
  }

  // Every step's date (yyyy-mm-dd) from `given` {interview, decision}, by the first of its
  // `after` rules whose start is known; a decision date before the interview is left out.
  // `state`: passed (before today), next (the first not passed), or ahead.
  function plan(steps, given, today, table = {}) {
    const known = { interview: given.interview };
    if (given.decision >= given.interview) known.decision = given.decision;
    let seenNext = false;
    return steps.map((step) => {
      const [from, count] = step.after.find(([start]) => known[start]);
      const found = workingDaysAfter(known[from], count, table);
      known[step.id] = found.date;
      const state = found.date < today ? "passed" : seenNext ? "ahead" : "next";
      seenNext ||= state === "next";
      return { id: step.id, from, state, ...found };
    });
  }

  // RFC 5545 text: no control characters, \ ; , escaped, line breaks as \n; lines folded at
  // 75 octets (UTF-8), never inside a character, each continuation starting with a space
  const icsText = (text) =>
    text.toWellFormed().replace(/\r?\n/g, "\n").replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "").replace(/[\\;,]/g, "\\$&").replace(/\n/g, "\\n");
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
  // download `text` as a file, made in this page
  function download(text, name, type) {
    const link = Object.assign(document.createElement("a"), { href: URL.createObjectURL(new Blob([text], { type })), download: name });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1e4);
  }
  const stamp = () => new Date().toISOString().replace(/[-:]|\.\d+/g, "");

  // A step's date in words, the region's way: "Monday 23 November, by 2:30 PM (today)"
  function dateWords(found, step, one, words) {
    const { reader } = atl;
    let text = reader.longDate(found.date);
    const time = step.keep_time && reader.time(one.f.interview_time ?? "");
    if (time) text = atl.fill(words.at_time, { date: text, time });
    if (found.date === reader.today()) return `${text} (${words.today})`;
    return found.state === "passed" ? `${text} (${words.passed})` : text;
  }
  // Why a step falls where it does: the holidays it passed over, the years not known
  function notes(found, words) {
    const holiday = ([date, name]) => atl.fill(words.holiday, { date: atl.reader.longDate(date), name });
    return [...found.skipped.map(holiday), ...found.unknown.map((year) => atl.fill(words.no_holidays, { year }))].join(" ");
  }
  // One interview's plan: its dates, with the holidays of the reader's region (null while
  // they are still on their way: `then` runs once they have come)
  function planFor(one, steps, then) {
    const { reader } = atl;
    const region = reader.region();
    const table = region ? known(region) : {};
    if (!table) {
      if (!waiting.has(then)) waiting.add(then) && holidays(region).then(() => waiting.delete(then) && then());
      return null;
    }
    const given = { interview: reader.date(one?.f.interview_date ?? ""), decision: reader.date(one?.f.decision_date ?? "") };
    return given.interview ? plan(steps, given, reader.today(), table) : [];
  }
  // the calendar events of an interview's dates still ahead; each step's rule, text and
  // links are on the page (`root`), under [data-step]
  function events(one, dates, steps, words, root) {
    const { role, company } = one.f;
    const about = role && company ? atl.fill(words.role_at, { role, company }) : role || company || "";
    return dates.filter((found) => found.state !== "passed").map((found) => {
      const step = steps.find((s) => s.id === found.id);
      const el = root.querySelector(`[data-step="${step.id}"]`);
      const description = [dateWords(found, step, one, words), el.querySelector("[data-step-rule]").textContent,
        notes(found, words), el.querySelector("[data-step-text]")?.textContent.trim(),
        ...[...el.querySelectorAll(".atl-step__links a")].map((a) => `${a.textContent}: ${a.href}`)];
      return {
        // what identifies the interview and the step, and nothing the reader may edit: a new
        // download updates the same events in the reader's calendar
        uid: `${one.id}-${step.id}@${location.hostname}`,
        date: found.date,
        summary: about ? atl.fill(words.event, { title: step.title, about }) : step.title,
        description: description.filter(Boolean).join("\n"),
      };
    });
  }

  atl.calendar = { holidays, known, workingDaysAfter, plan, planFor, dateWords, notes, events, calendar, download, stamp };
})();
