#!/usr/bin/env bash
# Install Debian's headless Chromium for the HTML rendering test, when it is missing and we can.
# Never fails the build: without a browser that one test is skipped with its reason.
set -u
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
        >/tmp/summarize-chromium-install.log 2>&1 \
        || echo "chromium could not be installed (see /tmp/summarize-chromium-install.log)"
else
    echo "chromium is not installed and this user cannot apt-get it; the browser test will skip"
fi
exit 0
