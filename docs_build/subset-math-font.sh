#!/usr/bin/env bash
# Regenerates docs/assets/fonts/latinmodern-math.woff2, the only font the site
# ships: Latin Modern Math (GUST font licence, see GUST-FONT-LICENSE.txt next to
# it) cut down to the characters our formulas use, so a lesson stays light.
# tests/test_math_font.py fails when a formula uses a character left out here.
# Needs Debian's fonts-lmodern, and fonttools and brotli (both in the test extra).
set -euo pipefail
pyftsubset /usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf \
  --unicodes="U+0020-007E,U+00D7,U+00B7,U+02C6,U+03B1-03C9,U+03D1,U+03D5,U+03F0-03F5,U+2016,U+2032,U+2061-2064,U+210E,U+2190-2193,U+2200-2212,U+2211,U+221A,U+221D-221E,U+2223-2225,U+2229-222B,U+223C,U+2248,U+2260-2265,U+2295-2299,U+22A4-22A5,U+22C5,U+23DC-23E1,U+1D400-1D467,U+1D49C-1D4B5,U+1D6FC-1D71B" \
  --layout-features='*' --flavor=woff2 \
  --output-file="$(dirname "$0")/../docs/assets/fonts/latinmodern-math.woff2"
