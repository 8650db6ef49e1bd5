// Material's colour toggle steps through theme.palette in its order (here: the device's
// setting, light, dark), and some steps change nothing on screen: to the scheme the device
// shows, or back to the device's setting from that scheme. Such a step goes on to the entry
// after, however it was taken (tap, Enter, arrow key), so that every tap changes the colours:
// the toggle goes between the device's setting and the other scheme. Each toggle is named for
// where it goes.
(() => {
  const all = () => [...document.querySelectorAll('[name="__palette"]')];
  const after = (entry) => all()[(all().indexOf(entry) + 1) % all().length];
  const auto = () => all().find((entry) => entry.dataset.mdColorMedia === "(prefers-color-scheme)");
  const shown = (entry) => matchMedia(entry.dataset.mdColorMedia).matches;  // the device shows its scheme
  // what an entry looks like: itself, or for the device's setting the entry the device shows
  const looks = (entry) => (entry === auto() ? all().find((other) => other !== entry && shown(other)) : entry);
  // a step from `from` to `to` that is passed over: one that looks the same, or to the scheme
  // the device shows (the device's setting shows it, and follows the device)
  const skip = (from, to) => Boolean(auto()) && (to === auto() ? looks(to) === looks(from) : shown(to));
  const goes = (from) => (skip(from, after(from)) ? after(after(from)) : after(from));
  let stepping = false;  // the step on, taken here
  let titles;  // each entry's own name: Material's, for the step to the entry after it

  // before Material's listener: the label shown is still the one of the entry left
  document.addEventListener("change", ({ target }) => {
    const from = all().find((entry) => !entry.nextElementSibling.hidden);
    if (stepping || !all().includes(target) || !skip(from, target)) return;
    setTimeout(() => {  // once Material has shown the step taken
      stepping = true;
      after(target).click();
      stepping = false;
      if (document.activeElement === target) after(target).focus();
    });
  }, true);

  function name() {
    titles ??= all().map((entry) => entry.nextElementSibling.title);
    for (const entry of all()) {
      const title = titles.at(all().indexOf(goes(entry)) - 1);  // the name of the step to where it goes
      entry.nextElementSibling.title = title;
      entry.setAttribute("aria-label", title);
    }
  }
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", name);
  name();  // the header stays as it is through instant navigation
})();
