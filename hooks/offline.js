// Offline reading: the site's own service worker (sw.js at the site's root, offline.py) keeps
// every page and file for reading without a network. Once it keeps them, one quiet line in
// the footer says so. Where service workers are not available, nothing changes.
(() => {
  if (!("serviceWorker" in navigator) || !window.__md_scope) return;
  const words = JSON.parse(document.querySelector('[data-atl-data="offline"]')?.textContent ?? "{}");
  // the footer's line, on this page and each one instant navigation brings
  function tell() {
    const footer = document.querySelector(".md-footer-meta__inner");
    if (!footer || footer.querySelector(".atl-offline")) return;
    footer.append(Object.assign(document.createElement("p"), { className: "atl-offline", textContent: words.kept ?? "" }));
  }
  navigator.serviceWorker.register(new URL("sw.js", window.__md_scope), { scope: window.__md_scope.pathname })
    .then(() => navigator.serviceWorker.ready)
    .then(() => (window.document$ ? window.document$.subscribe(tell) : tell()))
    .catch(() => {});  // not kept offline: the site works as it always has
})();
