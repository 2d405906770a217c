// What a page shows a reader, measured in the page itself (see visits.py).
// Called with the name of the reader setting: "light", "dark" or "phone"; the
// formulas are measured in "light" only.
(setting) => {
  const report = {};
  const root = document.documentElement;
  report.scrollWidth = root.scrollWidth;
  report.clientWidth = root.clientWidth;

  // Formulas are measured in the light setting only (the palette and the width do
  // not change how they are drawn). Those inside a collapsed block (an
  // exercise's solution) are measured with it opened for the moment.
  const closed = setting === "light"
    ? Array.from(document.querySelectorAll("details:not([open])")) : [];
  closed.forEach((d) => { d.open = true; });
  const formulas = setting === "light" ? Array.from(document.querySelectorAll("math")) : [];
  report.math = {
    count: formulas.length,
    displays: formulas.map((m) => getComputedStyle(m).display),
    heights: formulas.map((m) => m.getBoundingClientRect().height),
    rows: formulas.map((m) => Math.max(1, m.querySelectorAll("mtr").length)),
    fontSizes: formulas.map((m) => parseFloat(getComputedStyle(m).fontSize)),
    families: formulas.map((m) => getComputedStyle(m).fontFamily),
    fontLoaded: Array.from(document.fonts).some(
      (f) => f.family.replace(/"/g, "") === "Latin Modern Math" && f.status === "loaded"),
    rawLatex: /\\[(\[]|\\(frac|sum|text|dots)\b/.test(document.body.innerText),
  };
  closed.forEach((d) => { d.open = false; });

  const labels = Array.from(document.querySelectorAll("[role=img]"))
    .map((e) => e.getAttribute("aria-label"));
  report.figures = Array.from(document.querySelectorAll("figure svg.nnfs-figure")).map((svg) => {
    const box = svg.getBoundingClientRect();
    const scale = svg.getScreenCTM() ? svg.getScreenCTM().a : 1;
    const sizes = Array.from(svg.querySelectorAll("text"))
      .filter((t) => t.textContent.trim())
      .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    const label = svg.getAttribute("aria-label") || "";
    return {
      width: box.width,
      height: box.height,
      visible: box.width > 0 && box.height > 0 && getComputedStyle(svg).visibility !== "hidden",
      role: svg.getAttribute("role"),
      label: label,
      sameLabel: labels.filter((l) => l === label).length,
      smallestText: sizes.length ? Math.min(...sizes) : null,
    };
  });

  // A copy button must not sit on top of the code it copies.
  report.coveredCode = [];
  // Material's button (.md-code__nav), on every code box (the playground's cells too).
  document.querySelectorAll(".md-code__nav").forEach((nav) => {
    const pre = nav.closest("pre");
    const code = pre && pre.querySelector("code");
    if (!code || nav.getBoundingClientRect().width === 0) return;
    const button = nav.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(code);
    const hit = Array.from(range.getClientRects()).some((r) =>
      r.width > 0 && r.left < button.right && r.right > button.left &&
      r.top < button.bottom && r.bottom > button.top);
    if (hit) report.coveredCode.push(code.textContent.split("\n")[0].slice(0, 60));
  });
  return report;
}
