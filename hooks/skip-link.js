// "Skip to content": Material scrolls to the heading, but the keyboard stays at the top of the
// page (and a focus moved there is taken back once Material sees the hash change), so the
// next Tab lands on the logo. Make the jump here: scroll, focus, and note the hash.
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest(".md-skip");
  const target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!target) return;
  event.preventDefault();
  event.stopPropagation();
  history.replaceState(history.state, "", link.hash);
  target.tabIndex = -1;
  target.focus();
  target.scrollIntoView();
}, true);
