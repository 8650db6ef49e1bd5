// Dates for the planner and the follow-ups page: working days that skip weekends and the
// public holidays of the region where an interview's job is (a small file per region, made at build time from
// the `holidays` package, fetched when first needed), and each step's date by the page's
// rules, all worked out in this browser; the calendar file is files.js's. Markup: planner.py.
(() => {
  const DAY = 864e5;
  const dayNumber = (iso) => Date.parse(`${iso}T00:00Z`) / DAY;
  const isoDate = (day) => new Date(day * DAY).toISOString().slice(0, 10);
  const tables = new Map();  // region -> its holidays {from, to, days: {iso: name}}, once fetched
  const waiting = new Map();  // region -> what runs again once its holidays have come (once each, however often asked)
  const FAILED = {};  // no holidays known: the network gave none in time (asked for again once online)
  const UNOFFERED = {};  // no holidays known, for good: a region the site does not offer
  const WEEKENDS = { from: 0, to: 1e4 };  // a site that offers no region counts weekends only, as its page says

  // the region's holidays, fetched once; with no network, or a request still unanswered
  // after 5 s, none, until the browser is next online
  function holidays(region) {
    if (!tables.has(region))
      tables.set(region, fetch(new URL(`holidays/${encodeURIComponent(region)}.json`, atl.scripts), { signal: AbortSignal.timeout(5e3) })
        .then((response) => (response.ok ? response.json() : null))
        .catch(() => null)
        .then((table) => (tables.set(region, table ?? FAILED), table ?? FAILED)));
    return tables.get(region);
  }
  const stale = new Set();  // what drew dates without holidays it could not get: drawn again once online
  addEventListener("online", () => {
    tables.forEach((table, region) => table === FAILED && tables.delete(region));
    stale.forEach((then) => then());
    stale.clear();
  });
  // The holidays interview `one` is planned by: none where the site offers no region (weekends
  // only, as its page says), none known for a region it does not offer (kept from another
  // edition's file: weekends only, and said), else its region's (a promise while on their way)
  function tableFor(one) {
    const region = atl.reader.region(one);
    const offered = atl.reader.choices("region");
    return !offered ? WEEKENDS : offered.includes(region) ? holidays(region) : UNOFFERED;
  }
  // done once these interviews' holidays have come (for what cannot wait for a redraw)
  const ready = (interviews) => Promise.all(interviews.map(tableFor));

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
  // `state`: passed (before today), next (the first not passed), or ahead; planFor makes the
  // last passed one overdue.
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

  // Where a step's "done" is kept: the tick of the checklist item it is done with (the rules'
  // `done_with:`), else the interview's own list
  function record(one, step) {
    const tick = atl.reader.doneWith(step.id);
    return tick ? [one.ticks, ...tick] : [one, "done", step.id];
  }
  function isDone(one, step) {
    const [where, key, id] = record(one, step);
    return (atl.reader.own(where, key) ?? []).includes(id);
  }
  // mark a step of interview `one` (a copy inside reader.change) done, or take it back; first
  // in its list, which is kept up to a length
  function mark(one, step, done) {
    const [where, key, id] = record(one, step);
    where[key] = (done ? [id] : []).concat((atl.reader.own(where, key) ?? []).filter((other) => other !== id));
  }

  // A step of interview `one` in words, its region's way: "Monday 23 November, by 2:30 PM
  // (today)"; a step done says so
  function dateWords(found, step, one, words) {
    const { reader } = atl;
    let text = reader.longDate(found.date, one);
    const time = step.keep_time && reader.time(one.f.interview_time ?? "", one);
    if (time) text = atl.fill(words.at_time, { date: text, time });
    if (found.done) return `${text} (${words.done_step})`;
    if (found.date === reader.today()) return `${text} (${words.today})`;
    return found.state === "passed" || found.state === "overdue" ? `${text} (${words[found.state]})` : text;
  }
  // the steps of a plan still to come: not passed, not done
  const ahead = (dates) => dates.filter((found) => ["next", "ahead"].includes(found.state) && !found.done);
  // its calendar file's name: after the interview, short enough for any file system
  // at most 60 characters of the interview's name: up to its last whole word (at 60 for one long word)
  function fileName(one, words) {
    const name = [...atl.reader.title(one)];
    const short = name.length <= 60 ? name.join("") : name.slice(0, 61).join("").replace(/\s*\S*$/u, "") || name.slice(0, 60).join("");
    return atl.fill(words.file_name, { title: short.trim() });
  }
  // Why a step of interview `one` falls where it does: the holidays it passed over, the years
  // not known ("2030 and 2031", in the page's language)
  const years = (list) => new Intl.ListFormat(document.documentElement.lang || undefined).format(list.map(String));
  const unknown = (found, words) => (found.unknown.length ? atl.fill(words.no_holidays, { year: years(found.unknown) }) : "");
  // (one holiday, a sentence; several, one sentence that lists them)
  function notes(found, words, one) {
    const days = found.skipped.map(([date, name]) => ({ date: atl.reader.longDate(date, one), name }));
    const holidays = days.length > 1 ? atl.fill(words.holidays, { list: days.map((d) => atl.fill(words.holiday_in_list, d)).join("; ") })
      : days.length ? atl.fill(words.holiday, days[0]) : "";
    return [holidays, unknown(found, words)].filter(Boolean).join(" ");
  }
  // One interview's plan: its dates, with the holidays of its region (null while they are
  // still on their way: `then` runs once they have come, once a region however often asked)
  function planFor(one, steps, then) {
    const { reader } = atl;
    const given = { interview: reader.date(one?.f.interview_date ?? ""), decision: reader.date(one?.f.decision_date ?? "") };
    if (!given.interview) return [];
    const table = tableFor(one);
    if (table instanceof Promise) {
      const region = reader.region(one);
      if (!waiting.has(region)) {
        waiting.set(region, new Set());
        table.then(() => {
          const again = waiting.get(region);
          waiting.delete(region);
          again.forEach((run) => run());
        });
      }
      waiting.get(region).add(then);
      return null;
    }
    if (table === FAILED) stale.add(then);
    const dates = plan(steps, given, reader.today(), table);
    dates.forEach((found, index) => (found.done = isDone(one, steps[index])));
    // the last step passed, unless it is done, is overdue: the one to do now; but not the
    // plan's last step, whose date passing ends the plan
    const last = dates.filter((found) => found.state === "passed").at(-1);
    if (last && last !== dates.at(-1) && !last.done) last.state = "overdue";
    return dates;
  }
  // the file code (files.js, loaded when first asked for); or, when it does not load, null,
  // and `said` tells the reader
  async function files(said, words) {
    try {
      await atl.script("files");
      return atl.files;
    } catch {
      said.textContent = words.files_unloaded;
      return null;
    }
  }
  atl.calendar = { files, holidays, ready, workingDaysAfter, plan, planFor, mark, dateWords, notes, unknown, ahead, fileName, isoDate, dayNumber };
})();
