// Material's colour toggle steps through theme.palette in its order: from the device's setting
// to light, then dark. On a light device that first step changes nothing on screen, so it goes
// on to the entry after (dark), however it was taken (tap, Enter, arrow key); the toggle is
// named for where it goes.
(() => {
  const all = () => [...document.querySelectorAll('[name="__palette"]')];
  const after = (entry) => all()[(all().indexOf(entry) + 1) % all().length];
  const auto = () => all().find((entry) => entry.dataset.mdColorMedia === "(prefers-color-scheme)");
  // the step from the device's setting, when it looks as the device does now, else null
  const idle = (from = auto()) => (from && matchMedia(after(from).dataset.mdColorMedia).matches ? after(from) : null);
  let own;  // the toggle's own name

  // before Material's listener: the label shown is still the one of the entry left
  document.addEventListener("change", ({ target }) => {
    if (target !== idle() || auto().nextElementSibling.hidden) return;
    setTimeout(() => {  // once Material has shown the step taken (it looks the same)
      after(target).click();
      if (document.activeElement === target) after(target).focus();
    });
  }, true);

  function name() {
    const label = auto()?.nextElementSibling;
    if (!label) return;
    own ??= label.title;
    label.title = idle()?.nextElementSibling.title ?? own;
    auto().setAttribute("aria-label", label.title);
  }
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", name);
  name();  // the header stays as it is through instant navigation
})();
