"""Theme fixes hook: what stock Material lacks for readers, on every page.

`theme-fixes.css` (underlined links, contrast, visible focus), `print.css` (the article alone
on paper, links to other sites with their address), `skip-link.js` (the skip link moves the
keyboard, not just the view), `menu-keys.js` (the menu, the drawer and the table of
contents work from the keyboard) and `palette.js` (the colour toggle's first step changes
what is shown) go inline into every page, first among the code
the hooks share (features.py does it): every request beside Material's bundle is a round
trip on a slow phone. The theme templates' fixes are in `overrides/`.
"""

from __future__ import annotations

from hook_support import Feature

FEATURE = Feature(
    name="theme-fixes", shared_style=("theme-fixes.css", "print.css"),
    shared_script=("skip-link.js", "menu-keys.js", "palette.js"), order=-1,
)
