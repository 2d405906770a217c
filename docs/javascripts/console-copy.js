// The copy button of a console block copies runnable code: the lines after
// the ">>> " and "... " prompts, without the prompts, the outputs and the
// tracebacks. Material's copy button uses the text of the closest
// [data-copy] attribute when there is one, so we only have to set it.
// Material's document$ emits on every page load, instant navigation included.
(function () {
  "use strict";

  // Pygments marks each prompt with a span.gp at the start of its line.
  function codeOf(block) {
    var lines = [[]];
    block.childNodes.forEach(function (node) {
      var parts = node.textContent.split("\n");
      parts.forEach(function (part, index) {
        if (index > 0) lines.push([]);
        if (part) lines[lines.length - 1].push({ node: node, text: part });
      });
    });
    var code = [];
    var previous = null;
    lines.forEach(function (line) {
      var first = line[0];
      if (!first || !(first.node instanceof Element) || !first.node.classList.contains("gp")) {
        return; // an output or traceback line
      }
      var prompt = first.text.slice(0, 3);
      var text = line.slice(1).map(function (piece) { return piece.text; }).join("");
      // The REPL ends an indented block at an empty line: keep the copy pasteable.
      if (prompt === ">>>" && previous === "..." && /^\s/.test(code[code.length - 1] || "")) {
        code.push("");
      }
      code.push(text);
      previous = prompt;
    });
    return code.join("\n") + "\n";
  }

  function prepare() {
    document.querySelectorAll(".highlight code").forEach(function (block) {
      var prompt = block.querySelector(":scope > .gp");
      if (prompt && /^(>>>|\.\.\.)/.test(prompt.textContent)) {
        block.setAttribute("data-copy", codeOf(block));
      }
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(prepare);
  } else {
    document.addEventListener("DOMContentLoaded", prepare);
  }
})();
