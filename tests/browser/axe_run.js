// Run axe-core on the page and return its violations; `rules` lists the rules
// to run, or is null for every rule.
//
// Each distinct style of text is checked once. A page holds thousands of code
// tokens, formula symbols, figure labels and navigation links that share a few
// dozen styles, and axe's colour check costs the same for each. Two of them
// with the same colour, font size, weight and shadow, drawn over the same
// background colour with no image, transparency or positioned box in between,
// have the same contrast: the first of each style is checked (so every style on
// the page is) and the others are left out of the run. Text over an image, a
// see-through layer or a positioned box is always checked.
async (rules) => {
  const backdrop = (element) => {
    for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage !== "none" || parseFloat(style.opacity) < 1) return null;
      if (!["static", "relative"].includes(style.position)) return null;
      if (style.backgroundColor !== "rgba(0, 0, 0, 0)") return style.backgroundColor;
    }
    return "canvas";
  };
  const seen = new Set();
  const repeated = [];
  const tokens = ".highlight pre code span, math *, svg text, .md-nav__link";
  document.querySelectorAll(tokens).forEach((element) => {
    if (!element.textContent.trim() || element.children.length) return;
    const under = backdrop(element);
    if (under === null) return;
    const style = getComputedStyle(element);
    const key = [element.tagName, style.color, style.fill, style.fontSize, style.fontWeight,
      style.textShadow, under].join("|");
    if (seen.has(key)) repeated.push(element);
    else seen.add(key);
  });
  const options = { resultTypes: ["violations"] };
  if (rules) options.runOnly = { type: "rule", values: rules };
  const context = repeated.length ? { include: [document], exclude: repeated } : document;
  return (await axe.run(context, options)).violations;
}
