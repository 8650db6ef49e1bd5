// Material's menu button, the navigation drawer's title (which closes it), the table of
// contents and navigation sections are <label>s for hidden checkboxes: a mouse or a finger
// can use them, a keyboard cannot reach them, and a label cannot be a button. While one acts
// as a toggle it becomes a real <button> (same classes and content, aria-expanded), which
// Tab, Enter and Space reach; opening one moves the keyboard into what it opened, closing it
// (its button, or Escape) brings the keyboard back to what opened it.
(() => {
  const TOGGLES = '[for="__drawer"]:not(.md-overlay), [for="__toc"], [for^="__nav_"]';
  const box = (toggle) => document.getElementById(toggle.getAttribute("for"));
  const closes = (toggle) => toggle.classList.contains("md-nav__title");  // the title inside a panel
  const buttonsFor = (id) => [...document.querySelectorAll(`button[for="${id}"]`)];

  // the element with another tag, its attributes and content kept ("for" too: Material's CSS uses it)
  function swap(element, tag) {
    const other = document.createElement(tag);
    for (const { name, value } of element.attributes) other.setAttribute(name, value);
    other.append(...element.childNodes);
    element.replaceWith(other);
    return other;
  }

  // A label is a button while what it toggles is a drawer or panel in this layout: while the
  // label that opens it is laid out (on a wide screen the menu button is not, and the titles
  // of the navigation and the table of contents are plain headings).
  function sync() {
    const name = document.querySelector(".md-nav--primary")?.getAttribute("aria-label");
    for (let toggle of document.querySelectorAll(TOGGLES)) {
      const input = box(toggle);
      if (!input) continue;
      const opener = closes(toggle) ? [...document.querySelectorAll(TOGGLES)].find((o) => box(o) === input && !closes(o))
        : toggle;
      const button = Boolean(opener?.getClientRects().length);
      if (button !== (toggle.tagName === "BUTTON")) toggle = swap(toggle, button ? "button" : "label");
      if (!button) continue;
      toggle.type = "button";
      toggle.setAttribute("aria-expanded", input.checked);
      if (!toggle.textContent.trim() && name) toggle.setAttribute("aria-label", name);
      for (const inner of toggle.querySelectorAll("a")) {
        inner.tabIndex = -1;  // the drawer's title holds the logo's link: one control, not two
        inner.setAttribute("aria-hidden", "true");
      }
    }
  }

  // after the change, the keyboard goes to the first button of the other kind that shows
  function moveFocus(toggle) {
    const others = buttonsFor(toggle.getAttribute("for")).filter((other) => closes(other) !== closes(toggle));
    requestAnimationFrame(() => others.find((o) => o.checkVisibility({ visibilityProperty: true }))?.focus());
  }

  document.addEventListener("click", (event) => {
    const toggle = event.target.closest?.(`button${TOGGLES.split(", ").join(", button")}`);
    if (!toggle || event.target.closest("a")) return;
    box(toggle).click();
    if (event.detail === 0) moveFocus(toggle);  // from the keyboard (Enter, Space), not a pointer
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !document.getElementById("__drawer")?.checked) return;
    const open = [...document.querySelectorAll('.md-toggle:checked:not([id="__search"])')].pop();
    buttonsFor(open?.id).find(closes)?.click();
  });
  // Tab in the search field: Material closes the search and takes the focus away from the
  // field, and WebKit then starts the tab order again from the top of the page (the header, in
  // a loop). Close it here instead, and Tab goes on from the field in every engine.
  document.addEventListener("keydown", (event) => {
    const search = document.getElementById("__search");
    if (event.key !== "Tab" || !search || !event.target.matches?.(".md-search__input")) return;
    event.stopPropagation();  // before Material's own handler, on the window
    if (search.checked) search.click();  // as Material closes it
  }, true);
  // Tab past the drawer's last link closes it, as Escape does
  document.addEventListener("focusin", ({ target }) => {
    const drawer = document.getElementById("__drawer");
    if (drawer?.checked && !target.closest?.(".md-sidebar--primary, .md-header")) drawer.click();
  });
  // a click, a tap or a key changes the box (and Material closes the drawer itself): keep what
  // is announced in step
  document.addEventListener("change", ({ target }) => {
    if (!target.classList?.contains("md-toggle")) return;
    for (const button of buttonsFor(target.id)) button.setAttribute("aria-expanded", target.checked);
  });

  addEventListener("resize", sync);
  if (window.document$) window.document$.subscribe(sync);
  else if (document.readyState === "loading") addEventListener("DOMContentLoaded", sync);
  else sync();
})();
