// Shared by the hooks' scripts (loaded first): storage that never throws, and a start on
// every page view, including those that Material's instant navigation swaps in.
window.atl = (() => {
  const base = () => (window.__md_scope || new URL(".", location)).pathname;
  const watchers = new Set();
  addEventListener("storage", (event) => {
    for (const watcher of watchers) {
      if (!watcher.node.isConnected) watchers.delete(watcher);
      else if (event.key === null || event.key === watcher.key) watcher.changed();
    }
  });
  return {
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
    everyPage(init) {
      if (window.document$) window.document$.subscribe(init);
      else if (document.readyState === "loading") addEventListener("DOMContentLoaded", init);
      else init();
    },
  };
})();
