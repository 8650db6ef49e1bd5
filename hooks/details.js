// What the pages that show the reader's details share: dates and times written the way of the
// region where an interview's job is, and the forms where a reader types their details (form.html), kept by reader.js.
(() => {
  const { reader } = atl;
  const DATE = /^(19|2\d)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
  // the HTML standard's rule for an email input, with a dot in the domain
  const EMAIL = /^[\w.!#$%&'*+/=?^`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;
  // the country of interview `one`'s region ("GB-SCT" -> "en-GB"; the chosen interview when
  // none is named), also where no region is offered to check it against; where the browser has
  // no English of that country (Brazil's, France's in WebKit), day first, as most of the world
  const locales = new Map();
  function locale(one) {
    const wanted = `en-${/^[A-Z]{2}(?![A-Za-z])/.exec(reader.region(one))?.[0] ?? "US"}`;
    if (!locales.has(wanted)) locales.set(wanted, new Intl.DateTimeFormat(wanted).resolvedOptions().locale === wanted ? wanted : "en-GB");
    return locales.get(wanted);
  }
  Object.assign(reader, {
    // `value` when it is a date the site can use (1900 to 2999, and on the calendar: not
    // 30 February, which V8 makes 2 March and WebKit an invalid date), else ""
    date: (value) => (DATE.test(value) && new Date(`${value}T00:00Z`).getUTCDate() === +value.slice(8) ? value : ""),
    today() {
      const now = new Date();
      return new Date(now - now.getTimezoneOffset() * 6e4).toISOString().slice(0, 10);
    },
    // "Monday 21 December" or "Monday, December 21", the way of `one`'s region, with the year
    // when it is not this one: the names from the browser (Intl), their order from the locale
    longDate(iso, one) {
      const parts = new Intl.DateTimeFormat(locale(one), { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" })
        .formatToParts(new Date(`${iso}T00:00Z`));
      const part = (type) => parts.find((p) => p.type === type)?.value ?? "";
      const year = iso.slice(0, 4) === reader.today().slice(0, 4) ? "" : part("year");
      return parts.findIndex((p) => p.type === "month") < parts.findIndex((p) => p.type === "day")
        ? `${part("weekday")}, ${part("month")} ${part("day")}${year && `, ${year}`}`
        : `${part("weekday")} ${part("day")} ${part("month")}${year && ` ${year}`}`;
    },
    // the address a note's email link can use, else "": "mailto:" pasted before it (a copied
    // email link) goes
    address(text) {
      const plain = text.replace(/^mailto:/i, "");
      return EMAIL.test(plain) ? plain : "";
    },
    // true when details `f` give a decision date before their interview date, which the
    // planner leaves out (calendar.js) and the forms and the planner's status point out
    decisionEarly: (f) => Boolean(reader.date(f?.decision_date ?? "") && reader.date(f.interview_date ?? "") && f.decision_date < f.interview_date),
    time: (hhmm, one) =>
      /^([01]\d|2[0-3]):[0-5]\d$/.test(hhmm)
        ? new Intl.DateTimeFormat(locale(one), { timeZone: "UTC", hour: "numeric", minute: "2-digit" }).format(new Date(`2000-01-01T${hhmm}Z`))
        : "",
    form,
  });

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

  // The mistake in a field's value, by the name of its words: an email field holding what no
  // email link can use, a decision date before the interview (the planner leaves it out)
  function mistake(input) {
    if (!input.value) return "";
    if (input.type === "email") return reader.address(input.value) ? "" : "not_address";
    return input.name === "decision_date" && reader.decisionEarly(reader.current()?.f) ? "decision_early" : "";
  }
  // A field with a mistake says so in its warning (form.html), once the reader leaves it or at
  // once for what was kept; as soon as it is right, no more
  function warn(input) {
    const note = input.parentElement.querySelector(".atl-field__warning");
    if (!note) return;
    const found = mistake(input);
    note.textContent = found && reader.word(found);
    input.ariaInvalid = Boolean(found) || null;
  }

  // A choice kept that this site does not offer (where the job is, from another edition's
  // file) is in the list, named as such, while it is the one shown, and while the keyboard is
  // on the list (`keep`: an arrow key there chooses, and one back brings it back)
  function offer(select, value, keep = document.activeElement) {
    const offered = reader.choices(select.name) ?? [];
    for (const option of [...select.options])
      if (!offered.includes(option.value) && option.value !== value && keep !== select) option.remove();
    if (value && ![...select.options].some((option) => option.value === value)) {
      const [country, part] = value.split(/-(.*)/);
      const name = new Intl.DisplayNames("en", { type: "region" }).of(country) + (part ? `: ${part}` : "");
      select.add(new Option(atl.fill(select.dataset.other, { name }), value));
    }
  }

  // A form of the reader's details (form.html): fills itself from the data, keeps each change,
  // clears what it shows; its interviewers' rows (a <template data-atl-person>) follow the
  // chosen interview. `show(field)` updates the page.
  function form(root, show) {
    const words = JSON.parse(root.dataset.words);
    const people = root.querySelector("[data-atl-people]");
    const rows = () => {
      const count = Math.max(1, reader.current()?.people.length ?? 0);
      const shown = people.querySelectorAll("[data-person]");
      for (let n = shown.length; n < count; n++) {
        const row = people.querySelector("template").content.firstElementChild.cloneNode(true);
        row.dataset.person = n;
        for (const el of row.querySelectorAll("[id], [for], [aria-describedby]"))
          for (const name of ["id", "for", "aria-describedby"])
            if (el.hasAttribute(name)) el.setAttribute(name, el.getAttribute(name).replace(/\S+/g, (id) => `${id}-${n}`));
        people.querySelector("[data-atl-add-person]").before(row);
      }
      for (const row of [...shown].slice(count)) row.remove();
    };
    const fill = () => {
      if (people) rows();
      for (const input of root.querySelectorAll("[name]")) {
        const value = reader.own(place(input, reader.data()), input.name) ?? reader.field(input.name);
        if (input.options) offer(input, value);
        if (input.value !== value) input.value = value;
        warn(input);
      }
      // a folded group of fields opens where one of them holds something
      for (const group of root.querySelectorAll("details")) group.open ||= [...group.querySelectorAll("[name]")].some((i) => i.value);
      show();
    };
    // a date changed can make another one right or wrong: the interview's, the decision's
    root.addEventListener("change", ({ target }) => (target.type === "date" ? root.querySelectorAll("[type=date]") : [target]).forEach(warn));
    root.addEventListener("focusout", ({ target }) => target.options && offer(target, target.value, null));
    root.addEventListener("input", ({ target }) => {
      if (!target.name) return;
      if (target.ariaInvalid) warn(target);
      const value = reader.text(target.value);
      reader.change((d) => {
        const where = place(target, d, true);
        if (value) where[target.name] = value;
        else delete where[target.name];
      }, target.options ? undefined : target.name);  // a choice (the region) changes every date shown
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
        // the keyboard goes on to the next interviewer's first field (in the row that was this
        // one's), else to "Add an interviewer", not to the top of the page
        (people.querySelector(`[data-person="${n}"] [name]`) ?? people.querySelector("[data-atl-add-person]")).focus();
      } else if (button?.matches("[data-atl-first-person]")) {
        const n = +button.closest("[data-person]").dataset.person;
        reader.change((d) => {
          const rows = reader.chosen(d).people;
          rows.unshift(...rows.splice(n, 1));
        });
        fill();
        root.querySelector("[data-details-announce]").textContent = reader.word("made_first");
        people.querySelector("[data-person] [name]").focus();
      } else if (button?.matches("[data-details-clear]") && confirm(words.clear_confirm)) {
        reader.change((d) => {
          // what was typed; a choice (where the job is) stays
          for (const input of root.querySelectorAll("input[name]")) delete place(input, d)?.[input.name];
          if (people && reader.current()) reader.current().people = [];
        });
        root.querySelector("[data-details-announce]").textContent = words.cleared;
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
})();
