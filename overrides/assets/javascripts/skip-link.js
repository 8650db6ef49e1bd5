// "Skip to content": with instant navigation Material scrolls to the heading, but the keyboard
// often stays at the top of the page, so the next Tab lands on the logo. Move focus too.
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest(".md-skip");
  const target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (target) {
    target.tabIndex = -1;
    target.focus();
  }
}, true);
