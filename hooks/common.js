// Shared by the hooks' scripts (inline in every page): storage that never throws, a start on
// every page view (including those Material's instant navigation swaps in), and each
// feature's own scripts, loaded on the first page that has the feature.
window.atl = (() => {
  const base = () => (window.__md_scope || new URL(".", location)).pathname;
  // where the features' scripts are, from this page (features.py)
  const scripts = new URL(document.currentScript.dataset.atlAssets, location);
  const loading = new Map();  // script name -> the promise of its loading
  const storage = (use) => {
    try {
      return use(localStorage);
    } catch {}
  };
  const atl = {
    scripts,
    // one key per kind of data, scoped by the site's base path
    key: (kind, id) => `${base()}:${kind}:${id}`,
    // the stored object when it has this schema version, else null (missing, corrupt, blocked)
    load(key, schema) {
      const data = storage((s) => JSON.parse(s.getItem(key)));
      return data && data.v === schema ? data : null;
    },
    // true when stored (or removed, for no data); false when storage is full or refused
    save: (key, data) => storage((s) => (data ? s.setItem(key, JSON.stringify(data)) : s.removeItem(key), true)) ?? false,
    keys: (prefix) => storage((s) => Object.keys(s).filter((key) => key.startsWith(prefix))) ?? [],
    forget: (keys) => keys.map((key) => atl.save(key, null)).every(Boolean),  // true when all are gone
    // the UI words `pattern` with each {name} replaced by values[name], taken as plain text
    fill: (pattern, values) => pattern.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(values, name) ? values[name] : whole)),
    // a feature's script, loaded once (in order, where several are asked at once); asked for
    // again after it failed to load (offline, say), it is tried again
    script(name) {
      if (!loading.has(name))
        loading.set(name, new Promise((resolve, reject) => document.head.append(Object.assign(document.createElement("script"), {
          src: new URL(`${name}.js`, scripts).href, async: false, onload: resolve,
          onerror: (error) => {
            loading.delete(name);
            reject(error);
          } }))));
      return loading.get(name);
    },
    everyPage(init) {
      if (window.document$) window.document$.subscribe(init);
      else if (document.readyState === "loading") addEventListener("DOMContentLoaded", init);
      else init();
    },
    // init(element) once for each element matching `selector`, on this page and every later one
    each(selector, init) {
      const started = new WeakSet();
      atl.everyPage(() => {
        for (const element of document.querySelectorAll(selector)) {
          if (started.has(element)) continue;
          started.add(element);
          init(element);
        }
      });
    },
  };
  // The scripts a page's markup names (data-atl-feature="reader planner"), each once, in that
  // order; each starts itself on this page and every later one (everyPage).
  atl.everyPage(() => {
    for (const { dataset } of document.querySelectorAll("[data-atl-feature]"))
      for (const name of dataset.atlFeature.split(" ")) atl.script(name).catch(() => {});
  });
  return atl;
})();
