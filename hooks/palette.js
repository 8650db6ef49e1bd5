// Material's colour toggle steps through theme.palette in its order: from the device's setting
// to light, then dark. On a light device that first step changes nothing on screen, so it goes
// on to the entry after (dark), however it was taken (tap, Enter, arrow key); the toggle is
// named for where it goes.
(() => {
  const AUTO = '[name="__palette"][data-md-color-media="(prefers-color-scheme)"]';
  const inputs = () => [...document.querySelectorAll('[name="__palette"]')];
  const after = (input) => inputs()[(inputs().indexOf(input) + 1) % inputs().length];
  // an entry that looks as the device's setting does now: stepping to it from there changes nothing
  const same = (input) => !input.matches(AUTO) && matchMedia(input.dataset.mdColorMedia).matches;

  document.addEventListener("change", ({ target }) => {
    const auto = document.querySelector(AUTO);
    // the entry shown until now: Material has not moved on yet (this runs before its own listener)
    const from = inputs().find((input) => input.nextElementSibling?.hidden === false);
    if (!auto || from !== auto || target !== after(auto) || !same(target)) return;
    setTimeout(() => {  // once Material has shown the step taken (it looks the same)
      const next = after(target);
      next.click();
      if (document.activeElement === target) next.focus();
    });
  }, true);

  function name() {
    const auto = document.querySelector(AUTO);
    const label = auto?.nextElementSibling;
    if (!label) return;
    label.dataset.atlTitle ??= label.title;
    const skipped = same(after(auto)) && after(auto).nextElementSibling;
    label.title = skipped ? skipped.title : label.dataset.atlTitle;
    auto.setAttribute("aria-label", label.title);
  }
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", name);
  name();  // the header stays as it is through instant navigation
})();
