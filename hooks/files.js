// What a reader takes away as files, made in this browser and loaded only when they ask for
// one (atl.script("files")): a calendar file (.ics, RFC 5545) of an interview's dates, and
// their own data (.json) to keep or to move to another browser. Used by planner.js and
// tracker.js; the dates come from calendar.js.
(() => {
  const { isoDate, dayNumber } = atl.calendar;
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

  // An iCalendar file of all-day events {uid, date, summary, description, alarm}, each with a
  // reminder `alarm` minutes into that day, stamped with when it was made (UTC, 20261121T090000Z);
  // its SEQUENCE, the minutes since 2026, makes each download a newer version of events a
  // calendar holds from an earlier one (same UID), which calendar apps then update
  function calendar(events, product) {
    const stamp = new Date().toISOString().replace(/[-:]|\.\d+/g, "");
    const sequence = Math.max(0, Math.floor((Date.now() - Date.UTC(2026, 0)) / 6e4));
    const ymd = (iso) => iso.replaceAll("-", "");
    const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:-//${icsText(product)}//Follow-up planner//EN`,
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    for (const event of events) {
      lines.push("BEGIN:VEVENT", `UID:${event.uid}`, `DTSTAMP:${stamp}`, `SEQUENCE:${sequence}`,
        `DTSTART;VALUE=DATE:${ymd(event.date)}`, `DTEND;VALUE=DATE:${ymd(isoDate(dayNumber(event.date) + 1))}`,
        `SUMMARY:${icsText(event.summary)}`, `DESCRIPTION:${icsText(event.description)}`, "TRANSP:TRANSPARENT",
        "BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${icsText(event.summary)}`, `TRIGGER:PT${Math.floor(event.alarm / 60)}H${event.alarm % 60 ? `${event.alarm % 60}M` : ""}`, "END:VALARM",
        "END:VEVENT");
    }
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  // the calendar events of an interview's dates still ahead; each step's rule, text and
  // links are on the page (`root`), under [data-step]
  function events(one, dates, steps, words, root) {
    const { role, company } = one.f;
    const about = role && company ? atl.fill(words.role_at, { role, company }) : role || company || "";
    return atl.calendar.ahead(dates).map((found) => {
      const step = steps.find((s) => s.id === found.id);
      // due by the interview's time of day (keep_time, a time reader.time takes): reminded an
      // hour before it, when that is before 9:00
      const time = one.f.interview_time ?? "";
      const due = step.keep_time && atl.reader.time(time) ? time.slice(0, 2) * 60 + +time.slice(3) : null;
      const el = root.querySelector(`[data-step="${step.id}"]`);
      const description = [atl.calendar.dateWords(found, step, one, words), el.querySelector("[data-step-rule]").textContent,
        atl.calendar.notes(found, words, one), el.querySelector("[data-step-text]")?.textContent.trim(),
        ...[...el.querySelectorAll(".atl-step__links a")].map((a) => `${a.textContent}: ${a.href}`)];
      return {
        // what identifies the interview and the step, and nothing the reader may edit: a new
        // download updates the same events in the reader's calendar
        uid: `${one.id}-${step.id}@${location.hostname}`,
        date: found.date,
        summary: about ? atl.fill(words.event, { title: step.title, about }) : step.title,
        description: description.filter(Boolean).join("\n"),
        alarm: due === null ? 9 * 60 : Math.max(0, Math.min(9 * 60, due - 60)),
      };
    });
  }

  // download `text` as a file, made in this page
  function download(text, name, type) {
    const link = Object.assign(document.createElement("a"), { href: URL.createObjectURL(new Blob([text], { type })), download: name });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1e4);
  }
  const ics = (events, product, name) => download(calendar(events, product), name, "text/calendar;charset=utf-8");

  // The reader's data as a file, and back: {"format": "after-the-interview", "v": 2,
  // "exported": "2026-12-01", "data": {...}} (hooks/README.md)
  const FORMAT = "after-the-interview";
  // Browser storage holds some 5.2 million characters, and an export is as long as what it
  // stored (so it is not indented), plus its first line: any export can come back. In UTF-8
  // a character takes at most 3 bytes.
  const MAX_TEXT = 5.3e6;
  const save = (data, name) =>
    download(JSON.stringify({ format: FORMAT, v: data.v, exported: atl.reader.today(), data }), name, "application/json");
  // A chosen file, checked: {error: the word that says why not}, or what it would add and
  // replace. Whole or not at all: a file with more interviews than the site keeps, or that
  // would take the list past that, is refused.
  async function read(file, current) {
    const text = file.size > 3 * MAX_TEXT ? null : await file.text();
    if (text === null || text.length > MAX_TEXT) return { error: "import_big" };
    let raw;
    try {
      raw = JSON.parse(text);
    } catch {
      return { error: "import_bad" };
    }
    // files began with version 2 of the data
    if (raw?.format !== FORMAT || !Number.isInteger(raw.v) || raw.v < 2) return { error: "import_bad" };
    if (raw.v > current.v) return { error: "import_newer" };
    const incoming = atl.reader.clean(raw.data);
    if (!incoming.list.length && !Object.keys(incoming.you).length) return { error: "import_bad" };
    const ids = new Set(current.list.map((one) => one.id));
    const replaced = incoming.list.filter((one) => ids.has(one.id)).length;
    const added = incoming.list.length - replaced;
    const sent = atl.reader.own(raw.data, "list");
    if ((Array.isArray(sent) && sent.length > atl.reader.max) || current.list.length + added > atl.reader.max)
      return { error: "import_many" };
    return { incoming, added, replaced };
  }
  // `incoming` merged into `d` (as reader.change gives it) by interview id; its details of
  // the reader, when it has any
  function merge(d, incoming) {
    for (const one of incoming.list) {
      const at = d.list.findIndex((o) => o.id === one.id);
      if (at < 0) d.list.push(one);
      else d.list[at] = one;
    }
    if (Object.keys(incoming.you).length) d.you = incoming.you;
  }

  atl.files = { calendar, events, ics, save, read, merge };
})();
