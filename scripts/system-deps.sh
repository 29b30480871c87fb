#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing: LibreOffice Calc (the independent
# judge of the highlight formulas) and Writer (web pages printed to PDF), poppler-utils (PDF page checks), a CJK font, and Chromium (the
# end-to-end tests). Usage: scripts/system-deps.sh [unit] [e2e]. Needs root and apt-get; otherwise it
# says which packages to install and fails.
set -euo pipefail
[ $# -gt 0 ] || set -- unit e2e
need=()
for what in "$@"; do
  case "$what" in
    unit)
      # Calc judges the workbooks; Writer prints web pages to PDF for the PDF reader's tests.
      [ -e /usr/lib/libreoffice/program/libsclo.so ] || need+=(libreoffice-calc-nogui)
      [ -e /usr/lib/libreoffice/program/libswlo.so ] || need+=(libreoffice-writer-nogui)
      command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
      fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-wqy-zenhei)
      ;;
    e2e)
      command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
      fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-wqy-zenhei)
      ;;
  esac
done
[ ${#need[@]} -eq 0 ] && exit 0
mapfile -t need < <(printf '%s\n' "${need[@]}" | sort -u)
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "测试需要以下系统软件包，请先安装：sudo apt-get install ${need[*]}" >&2
  exit 1
fi
echo "Installing Debian packages the tests need: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${need[@]}" >/dev/null
