// The guide page's Print button (guide.py): the browser's own print dialog.
(() => {
  atl.each("[data-guide-print]", (button) => button.addEventListener("click", () => print()));
})();
