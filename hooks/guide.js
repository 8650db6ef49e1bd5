// The guide page's Print button (guide.py): the browser's own print dialog.
(() => {
  const ready = new WeakSet();
  atl.everyPage(() => {
    for (const button of document.querySelectorAll("[data-guide-print]")) {
      if (ready.has(button)) continue;
      ready.add(button);
      button.addEventListener("click", () => print());
    }
  });
})();
