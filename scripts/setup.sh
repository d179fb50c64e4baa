#!/usr/bin/env bash
# Set up tdkt on this machine: the Debian programs the readers call, and a Python venv.
# Idempotent: re-running only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
DEBS=(tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui poppler-utils fonts-dejavu-core chromium chromium-driver)

missing_debs() {
  local need=()
  command -v tesseract >/dev/null || need+=(tesseract-ocr)
  { command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx vie; } || need+=(tesseract-ocr-vie)
  { command -v soffice >/dev/null || command -v libreoffice >/dev/null; } || need+=(libreoffice-writer-nogui)
  command -v pdftoppm >/dev/null || need+=(poppler-utils)
  [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
  # the web app's browser tests drive Debian's Chromium (Playwright is pointed at it, no download)
  command -v chromium >/dev/null || need+=(chromium)
  command -v chromedriver >/dev/null || need+=(chromium-driver)
  echo "${need[@]:-}"
}

need=$(missing_debs)
if [ -n "$need" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Cài gói hệ thống: $need"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
  elif command -v sudo >/dev/null && command -v apt-get >/dev/null && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
  else
    echo "Thiếu gói hệ thống: $need" >&2
    echo "Hãy cài bằng: sudo apt-get install ${DEBS[*]}" >&2
    echo "(tdkt vẫn chạy, nhưng tệp .doc/.rtf/.odt và PDF scan sẽ báo lỗi thiếu công cụ; thiếu chromium thì bỏ qua kiểm thử trình duyệt)" >&2
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.tdkt-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  touch "$stamp"
fi
