// Checklist: keeps a page's ticks in this browser, shows progress, prints. Markup: checklist.py.
(() => {
  const SCHEMA = 1;
  const controllers = new WeakMap(); // toolbar element -> its controller, so init runs once
  const live = new Set(); // controllers whose page is showing, for the storage event

  const base = () => (window.__md_scope || new URL(".", location)).pathname;
  const format = (template, done, total) =>
    template.replace("{done}", done).replace("{total}", total);

  // Every storage access may throw (private mode, quota, disabled): the page works without.
  function load(key) {
    try {
      const data = JSON.parse(localStorage.getItem(key));
      if (data && data.v === SCHEMA && Array.isArray(data.done)) return new Set(data.done);
    } catch {}
    return null;
  }
  function store(key, done) {
    try {
      if (done) localStorage.setItem(key, JSON.stringify({ v: SCHEMA, done }));
      else localStorage.removeItem(key);
    } catch {}
  }

  function init(root) {
    if (controllers.has(root)) return;
    const scope = root.closest("article") || document.body;
    const words = JSON.parse(root.dataset.words);
    const key = `${base()}:checklist:${root.dataset.checklist}`;
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
    function apply(ticked) {
      for (const box of boxes) box.checked = ticked ? ticked.has(box.dataset.item) : box.defaultChecked;
      show();
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
      // only ids on the page are written: ids that no longer exist drop out here
      store(key, boxes.filter((b) => b.checked).map((b) => b.dataset.item));
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
        store(key, null);
        for (const box of boxes) box.checked = false;
        show();
        announcer.textContent = progress.textContent;
      }
    });

    const controller = { root, key, apply };
    controllers.set(root, controller);
    live.add(controller);
    apply(load(key));
    root.hidden = false;
    for (const section of sections) section.el.hidden = false;
  }

  // Another tab changed the ticks: show them here too.
  addEventListener("storage", (event) => {
    for (const controller of live) {
      if (!controller.root.isConnected) live.delete(controller);
      else if (event.key === null || event.key === controller.key) controller.apply(load(controller.key));
    }
  });

  const initAll = () => document.querySelectorAll("[data-checklist]").forEach(init);
  // Material's instant navigation swaps pages without a reload and emits on document$.
  if (window.document$) window.document$.subscribe(initAll);
  else if (document.readyState === "loading") addEventListener("DOMContentLoaded", initAll);
  else initAll();
})();
