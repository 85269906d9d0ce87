#!/bin/sh
# Copies the front-end packages that npm installed (node_modules/, from package-lock.json)
# into static/: GOV.UK Frontend and the bundled typeface. The one copy step, run by
# `make assets` and by the Dockerfile's assets stage.
set -eu
GOVUK=node_modules/govuk-frontend/dist/govuk
ARIMO=node_modules/@fontsource/arimo

rm -rf static/govuk static/fonts
mkdir -p static/govuk static/fonts/arimo

# GOV.UK Frontend's precompiled CSS points at /assets/; we serve it under /static/govuk/,
# so those URLs are made relative to the stylesheet. Its typeface, GDS Transport, may be
# used only on GOV.UK itself: the CSS asks for the bundled Arimo instead (static/css/
# fonts.css), as setting $govuk-font-family would in a Sass build.
cp -R "$GOVUK/assets" "$GOVUK/govuk-frontend.min.js" static/govuk/
sed -e 's#url(/assets/#url(assets/#g' \
    -e 's#font-family:GDS Transport,arial,sans-serif#font-family:"LSCB Arimo",arial,sans-serif#g' \
    "$GOVUK/govuk-frontend.min.css" > static/govuk/govuk-frontend.min.css
if grep -q 'GDS Transport,arial' static/govuk/govuk-frontend.min.css; then
  echo "copy_assets.sh: GOV.UK Frontend's CSS still asks for GDS Transport: update the sed" >&2
  exit 1
fi

# Arimo's Latin and Latin Extended WOFF files, regular and bold, upright and italic (the ones
# static/css/fonts.css declares), with their licence.
cp "$ARIMO"/files/arimo-latin-400-*.woff "$ARIMO"/files/arimo-latin-700-*.woff \
   "$ARIMO"/files/arimo-latin-ext-400-*.woff "$ARIMO"/files/arimo-latin-ext-700-*.woff \
   static/fonts/arimo/
cp "$ARIMO/LICENSE" static/fonts/arimo/OFL.txt

# GOV.UK's accessible autocomplete (alphagov), the searchable pickers' component
# (static/js/picker.mjs): kept beside GOV.UK Frontend, so the Dockerfile copies it too.
# With its source maps, which the files name: collectstatic's manifest fails without them.
AUTOCOMPLETE=node_modules/accessible-autocomplete/dist
mkdir -p static/govuk/accessible-autocomplete
cp "$AUTOCOMPLETE"/accessible-autocomplete.min.js "$AUTOCOMPLETE"/accessible-autocomplete.min.css \
   "$AUTOCOMPLETE"/accessible-autocomplete.min.js.map "$AUTOCOMPLETE"/accessible-autocomplete.min.css.map \
   node_modules/accessible-autocomplete/LICENSE.txt static/govuk/accessible-autocomplete/
