#!/usr/bin/env bash
# Regenerates docs/assets/fonts/latinmodern-math.woff2, the only font the site
# ships: Latin Modern Math (GUST font licence, see GUST-FONT-LICENSE.txt next to
# it) cut down to the characters our formulas use, so a lesson stays light.
# Needs Debian's fonts-lmodern and `pip install fonttools brotli`.
set -euo pipefail
pyftsubset /usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf \
  --unicodes="U+0020-007E,U+00D7,U+00B7,U+03B1-03C9,U+2032,U+2061-2064,U+210E,U+2190-2193,U+2200-2212,U+2211,U+221A,U+2248,U+2260-2265,U+22C5,U+1D434-1D467,U+1D6FC-1D71B" \
  --layout-features='*' --flavor=woff2 \
  --output-file="$(dirname "$0")/../docs/assets/fonts/latinmodern-math.woff2"
