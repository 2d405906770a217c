"""SVG figures drawn at build time from the numbers a page computes.

Every figure is inline SVG: it inherits the page's colours through CSS classes
(see docs/stylesheets/figures.css), so it reads in light and dark mode, and it
carries a <title> and aria-label as its alt text.
"""
