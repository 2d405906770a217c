// Accessibility fixes to what Material's JavaScript adds to a page, found by
// axe-core (tests/browser). They hold across instant navigation too.
(function () {
  "use strict";

  // Each code block gets a <nav> holding its copy button: many unnamed
  // navigation landmarks that are not navigation. Drop the landmark role.
  function fixCodeNavs() {
    document.querySelectorAll("nav.md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
  }

  // A section with an index page (Part 2, Part 3) names its sub-menu after a
  // toggle that holds only an icon, so on a phone every such menu is an
  // unnamed navigation landmark, and two of them are indistinguishable. Name
  // the toggle after its section.
  function fixSectionToggles() {
    document.querySelectorAll("nav.md-nav[aria-labelledby]").forEach(function (nav) {
      var label = document.getElementById(nav.getAttribute("aria-labelledby"));
      var title = nav.querySelector(":scope > .md-nav__title");
      if (label && title && !label.textContent.trim() && !label.hasAttribute("aria-label")) {
        label.setAttribute("aria-label", title.textContent.trim());
      }
    });
  }

  // A display formula, a table or a code block wider than the screen scrolls
  // sideways: make it reachable from the keyboard. Material does it for code
  // once, at load; this also follows a resize (a phone turned, a window
  // narrowed).
  function fixWideFormulas() {
    var wide = ".math-block, .md-typeset__scrollwrap, .md-typeset pre > code";
    document.querySelectorAll(wide).forEach(function (block) {
      if (block.scrollWidth > block.clientWidth) {
        block.setAttribute("tabindex", "0");
      } else {
        block.removeAttribute("tabindex");
      }
    });
  }

  function start() {
    fixCodeNavs();
    fixSectionToggles();
    fixWideFormulas();
    // Material adds the code navs when it mounts a page's content.
    new MutationObserver(fixCodeNavs).observe(document.body, { childList: true, subtree: true });
    if (typeof document$ !== "undefined") document$.subscribe(fixWideFormulas);
    window.addEventListener("resize", fixWideFormulas);
    document.fonts.ready.then(fixWideFormulas); // the math font changes the widths
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
