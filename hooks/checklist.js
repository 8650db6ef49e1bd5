// Checklist: the chosen interview's ticks (reader.js keeps them), progress, print, reset.
// Markup: checklist.py and checklist.html.
(() => {

  function init(root) {
    const reader = atl.reader;
    const scope = root.closest("article") || document.body;
    const words = JSON.parse(root.dataset.words);
    const id = root.dataset.checklist;
    const boxes = [...scope.querySelectorAll("input[data-item]")];
    const sections = [...scope.querySelectorAll("[data-section-progress]")].map((el) => ({
      el,
      boxes: boxes.filter((box) => box.dataset.section === el.dataset.sectionProgress),
    }));
    const progress = root.querySelector("[data-checklist-progress]");
    const announcer = root.querySelector("[data-checklist-announce]");
    const done = (list) => list.filter((box) => box.checked).length;

    function show() {
      progress.textContent = atl.fill(words.progress, { done: done(boxes), total: boxes.length });
      for (const section of sections)
        section.el.textContent = atl.fill(words.section_progress, { done: done(section.boxes), total: section.boxes.length });
    }
    // the chosen interview's ticks; ids no longer on the page drop out when it is next kept
    function restore() {
      const ticked = reader.current()?.ticks[id];
      for (const box of boxes) box.checked = ticked ? ticked.includes(box.dataset.item) : box.defaultChecked;
      show();
    }
    function keep() {
      const ticked = boxes.filter((b) => b.checked).map((b) => b.dataset.item);
      reader.change((data) => (reader.chosen(data).ticks[id] = ticked), "ticks");
    }
    function announce(box) {
      const section = sections.find((s) => s.boxes.includes(box));
      const parts = [progress.textContent];
      if (section) parts.unshift(`${section.el.dataset.sectionTitle}: ${section.el.textContent}.`);
      announcer.textContent = parts.join(" ");
    }

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
      const one = reader.current();  // whose ticks go: said, as another interview's stay
      if (action === "reset" && confirm(one ? atl.fill(words.reset_confirm_for, { title: reader.title(one) }) : words.reset_confirm)) {
        for (const box of boxes) box.checked = false;
        if (one) keep();
        show();
        announcer.textContent = progress.textContent;
      }
    });

    // another interview chosen, here or in another tab: its ticks (a tick of this page is
    // already on screen)
    reader.watch(root, (field) => field !== "ticks" && restore());
    // boxes ticked before this script arrived keep the reader's tick, and it is kept
    const early = boxes.filter((box) => box.checked !== box.defaultChecked).map((box) => [box, box.checked]);
    restore();
    if (early.length) {
      for (const [box, checked] of early) box.checked = checked;
      keep();
      show();
    }
  }

  atl.each("[data-checklist]", init);
})();
