// Checklist: keeps a page's ticks in this browser, shows progress, prints. Markup: checklist.py.
(() => {
  const SCHEMA = 1;
  const ready = new WeakSet(); // toolbars already set up, so that init runs once each
  const format = (template, done, total) =>
    template.replace("{done}", done).replace("{total}", total);

  function init(root) {
    if (ready.has(root)) return;
    ready.add(root);
    const scope = root.closest("article") || document.body;
    const words = JSON.parse(root.dataset.words);
    const key = atl.key("checklist", root.dataset.checklist);
    const boxes = [...scope.querySelectorAll("input[data-item]")];
    const sections = [...scope.querySelectorAll("[data-section-progress]")].map((el) => ({
      el,
      boxes: boxes.filter((box) => box.dataset.section === el.dataset.sectionProgress),
    }));
    const progress = root.querySelector("[data-checklist-progress]");
    const announcer = root.querySelector("[data-checklist-announce]");
    const done = (list) => list.filter((box) => box.checked).length;

    function show() {
      progress.textContent = format(words.progress, done(boxes), boxes.length);
      for (const section of sections)
        section.el.textContent = format(words.section_progress, done(section.boxes), section.boxes.length);
    }
    function restore() {
      const done = atl.load(key, SCHEMA)?.done;
      const ticked = Array.isArray(done) ? new Set(done) : null;
      for (const box of boxes) box.checked = ticked ? ticked.has(box.dataset.item) : box.defaultChecked;
      show();
    }
    function announce(box) {
      const section = sections.find((s) => s.boxes.includes(box));
      const parts = [progress.textContent];
      if (section) parts.unshift(`${section.el.dataset.sectionTitle}: ${section.el.textContent}.`);
      announcer.textContent = parts.join(" ");
    }

    // only ids on the page are written: ids that no longer exist drop out here
    const keep = () => atl.save(key, { v: SCHEMA, done: boxes.filter((b) => b.checked).map((b) => b.dataset.item) });

    scope.addEventListener("change", (event) => {
      const box = event.target;
      if (!boxes.includes(box)) return;
      keep();
      show();
      announce(box);
    });
    root.addEventListener("click", (event) => {
      const action = event.target.closest("[data-checklist-action]")?.dataset.checklistAction;
      if (action === "print") window.print();
      if (action === "print-blank") {
        document.documentElement.classList.add("atl-print-blank");
        addEventListener("afterprint", () => document.documentElement.classList.remove("atl-print-blank"), { once: true });
        window.print();
      }
      if (action === "reset" && confirm(words.reset_confirm)) {
        atl.save(key, null);
        for (const box of boxes) box.checked = false;
        show();
        announcer.textContent = progress.textContent;
      }
    });

    atl.watch(key, root, restore);
    // boxes ticked before this script arrived keep the reader's tick, and it is kept
    const early = boxes.filter((box) => box.checked !== box.defaultChecked).map((box) => [box, box.checked]);
    restore();
    if (early.length) {
      for (const [box, checked] of early) box.checked = checked;
      keep();
      show();
    }
  }

  atl.everyPage(() => document.querySelectorAll("[data-checklist]").forEach(init));
})();
