// A code box's copy button sits over the right end of its first line.
// extra.css keeps that end free with an empty float one line high, so a short
// first line sits beside the button and no empty band is left above the code.
// A first line too long for the room beside the button would run under it (a
// line that never wraps is not moved below a float): its box gets the class
// below, and its code starts under the button instead. Checked again whenever
// a box changes size (a tab shown), the window is resized or a collapsed block
// opened, and once the fonts are ready.
(function () {
  "use strict";

  // Material's code boxes (the playground's cells too).
  var BOXES = ".md-typeset pre > code";
  var BELOW = "nnfs-code-below-button";

  // The right end of the first line, where it would be with the box scrolled
  // to its start (the float scrolls with the code).
  function firstLineEnd(box) {
    var range = document.createRange();
    range.selectNodeContents(box);
    var walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var end = node.data.indexOf("\n");
      if (end >= 0) {
        range.setEnd(node, end);
        break;
      }
    }
    var right = -Infinity;
    Array.prototype.forEach.call(range.getClientRects(), function (rect) {
      if (rect.width > 0) right = Math.max(right, rect.right);
    });
    return right + box.scrollLeft;
  }

  function place(box) {
    var room = getComputedStyle(box, "::before");
    // No room kept (printing), or the box is not shown (a closed block, another tab).
    if (room.float !== "right" || box.getClientRects().length === 0) return;
    var edge = box.getBoundingClientRect().left + box.clientLeft + box.clientWidth -
      parseFloat(getComputedStyle(box).paddingRight) - parseFloat(room.width);
    box.classList.toggle(BELOW, firstLineEnd(box) > edge + 0.5);
  }

  var observer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { place(entry.target); });
  });

  function start() {
    document.querySelectorAll(BOXES).forEach(function (box) {
      observer.observe(box); // also places it, once laid out
    });
  }

  function all() {
    document.querySelectorAll(BOXES).forEach(place);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  document.fonts.ready.then(all); // a font change moves the line ends
  // A box in a closed block is laid out but not rendered, so no resize of it is
  // observed: place every box on a resize of the window, and those of a block
  // when it opens.
  window.addEventListener("resize", all);
  document.addEventListener("toggle", function (event) {
    if (event.target instanceof Element) event.target.querySelectorAll(BOXES).forEach(place);
  }, true);
})();
