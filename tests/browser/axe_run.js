// Run axe-core on the page and return its violations; `rules` lists the rules
// to run, or is null for every rule.
//
// The colour rules check each distinct style of text once. A page holds
// thousands of code tokens, formula symbols, table cells, paragraphs, figure
// labels and links that share a few dozen styles, and axe's colour check costs
// the same for each. axe checks an element's own text (its text nodes, not its
// children's). Two visible elements with text of their own with the same tag,
// colour, font size, weight, style, decoration and shadow, inside a parent of
// the same tag and colour, drawn over the same background colour with no image,
// transparency or positioned box in between, have the same contrast: the first
// visible one of each style is checked (so every style the reader sees is) and
// the others are left out of the colour run. Text over an image, a see-through
// layer or a positioned box is always checked, as is every form field.
//
// Every other rule runs on the whole page, every element included.
async (rules) => {
  const COLOUR = ["color-contrast", "link-in-text-block"];
  const backdrop = (element) => {
    for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage !== "none" || parseFloat(style.opacity) < 1) return null;
      if (!["static", "relative"].includes(style.position)) return null;
      if (style.backgroundColor !== "rgba(0, 0, 0, 0)") return style.backgroundColor;
    }
    return "canvas";
  };
  const ownText = (element) => Array.from(element.childNodes)
    .some((node) => node.nodeType === Node.TEXT_NODE && node.data.trim());
  // The elements the colour rules check: the first visible element with text of
  // its own of each style, every such element drawn over something other than a
  // plain colour, and every form field. (axe checks all inside an included
  // element too: a paragraph brings its links and code along.)
  // An include list, not an exclude list: axe compares every element with every
  // entry of an exclude list, which for thousands of repeats costs more than
  // checking them all.
  const checkedForColour = () => {
    const seen = new Set();
    const checked = [];
    document.body.querySelectorAll("*").forEach((element) => {
      if (element.matches("input, select, textarea")) {
        checked.push(element);  // text in a value or placeholder, not in textContent
        return;
      }
      if (!ownText(element)) return;
      // A hidden element is skipped by axe: it must not stand for a visible one.
      if (!element.checkVisibility()) return;
      const under = backdrop(element);
      if (under === null) {
        checked.push(element);
        return;
      }
      const style = getComputedStyle(element);
      const parent = element.parentElement;
      const key = [element.tagName, style.color, style.fill, style.fontSize, style.fontWeight,
        style.fontStyle, style.textDecorationLine, style.textShadow, under,
        parent.tagName, getComputedStyle(parent).color].join("|");
      if (!seen.has(key)) {
        seen.add(key);
        checked.push(element);
      }
    });
    return checked;
  };
  const run = async (context, options) =>
    (await axe.run(context, { resultTypes: ["violations"], ...options })).violations;
  const only = (values) => ({ runOnly: { type: "rule", values } });
  const colour = rules ? rules.filter((id) => COLOUR.includes(id)) : COLOUR;
  // Every rule axe runs by default but the colour ones, or the ones asked for.
  const others = rules
    ? only(rules.filter((id) => !COLOUR.includes(id)))
    : { rules: Object.fromEntries(COLOUR.map((id) => [id, { enabled: false }])) };
  const found = [];
  if (colour.length) {
    const checked = checkedForColour();
    if (checked.length) found.push(...(await run({ include: checked }, only(colour))));
  }
  if (!others.runOnly || others.runOnly.values.length) found.push(...(await run(document, others)));
  return found;
}
