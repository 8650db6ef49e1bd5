// Shared by the hooks' scripts (inline in every page): storage that never throws,
// the reader's details shared by every form, a start on every page view, including those
// that Material's instant navigation swaps in, and each feature's own script, loaded on the
// first page that has the feature.
window.atl = (() => {
  const base = () => (window.__md_scope || new URL(".", location)).pathname;
  // where the features' scripts are, from this page (hook_support.inline_assets)
  const scripts = new URL(document.currentScript.dataset.atlAssets, location);
  const requested = new Set();
  const watchers = new Set();
  addEventListener("storage", (event) => {
    for (const watcher of watchers) {
      if (!watcher.node.isConnected) watchers.delete(watcher);
      else if (event.key === null || event.key === watcher.key) watcher.changed();
    }
  });
  const atl = {
    // one key per checklist or form, scoped by the site's base path
    key: (kind, id) => `${base()}:${kind}:${id}`,
    // the stored object when it has this schema version, else null (missing, corrupt, blocked)
    load(key, schema) {
      try {
        const data = JSON.parse(localStorage.getItem(key));
        if (data && data.v === schema) return data;
      } catch {}
      return null;
    },
    save(key, data) {
      try {
        if (data) localStorage.setItem(key, JSON.stringify(data));
        else localStorage.removeItem(key);
      } catch {}
    },
    // call `changed` when another tab writes `key`, for as long as `node` is on the page
    watch(key, node, changed) {
      watchers.add({ key, node, changed });
    },
    // the UI words `pattern` with each {name} replaced by values[name], taken as plain text
    fill: (pattern, values) => pattern.replace(/\{(\w+)\}/g, (whole, name) => values[name] ?? whole),
    // "Friday 20 November 2026" from "2026-11-20", in the page's language
    longDate: (iso) =>
      new Date(`${iso}T12:00`).toLocaleDateString(document.documentElement.lang || undefined,
        { weekday: "long", day: "numeric", month: "long", year: "numeric" }),
    // A form of the reader's details (form.html): fills its inputs from this browser, keeps
    // each change, clears them all. The details are one set: a company typed into one form
    // is there in the others. `show(inputs)` updates the page for the inputs that changed.
    detailsForm(form, show) {
      const key = atl.key("details", "reader");
      const inputs = [...form.querySelectorAll("input[name]")];
      const stored = () => atl.load(key, 1)?.values ?? {};
      const keep = (changed) => {
        const values = { ...stored() };
        for (const input of changed) values[input.name] = input.value;
        for (const name in values) if (!values[name]) delete values[name];
        atl.save(key, Object.keys(values).length ? { v: 1, values } : null);
      };
      const fill = (values) => {
        for (const input of inputs) input.value = values[input.name] ?? "";
        show(inputs);
      };
      form.addEventListener("input", ({ target }) => {
        if (!inputs.includes(target)) return;
        show([target]);
        keep([target]);
      });
      form.querySelector("[data-details-clear]").addEventListener("click", () => {
        atl.save(key, null);
        fill({});
        form.querySelector("[data-details-announce]").textContent = JSON.parse(form.dataset.words).cleared;
        inputs[0]?.focus();
      });
      atl.watch(key, form, () => fill(stored()));
      // what was typed before this script arrived stays, even where storage fails
      const typed = inputs.filter((input) => input.value);
      if (typed.length) keep(typed);
      fill({ ...stored(), ...Object.fromEntries(typed.map((input) => [input.name, input.value])) });
    },
    everyPage(init) {
      if (window.document$) window.document$.subscribe(init);
      else if (document.readyState === "loading") addEventListener("DOMContentLoaded", init);
      else init();
    },
  };
  // a feature's script starts itself on this page and every later one (everyPage)
  atl.everyPage(() => {
    for (const { dataset } of document.querySelectorAll("[data-atl-feature]")) {
      if (requested.has(dataset.atlFeature)) continue;
      requested.add(dataset.atlFeature);
      const src = new URL(`${dataset.atlFeature}.js`, scripts).href;
      document.head.append(Object.assign(document.createElement("script"), { src }));
    }
  });
  return atl;
})();
