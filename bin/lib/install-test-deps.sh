#!/usr/bin/env bash
# Installs the Debian packages perfgate's tests use, when missing: Chromium + chromedriver (HTML report tests),
# InfluxDB, Prometheus and its Pushgateway (metrics export and dashboard tests), PostgreSQL (JDBC test). Needs root or sudo; a no-op when
# all are present.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v influxd >/dev/null 2>&1 || need+=(influxdb)
command -v prometheus-pushgateway >/dev/null 2>&1 || need+=(prometheus-pushgateway)
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
# PostgreSQL for the JDBC Request test (binaries under /usr/lib/postgresql/N/bin, not on the PATH)
command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
echo "perfgate: installing ${need[*]}"
$SUDO apt-get update -q >/dev/null
# the Debian packages start their services by default; tests start their own instances on free ports instead
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
for svc in influxdb prometheus-pushgateway prometheus postgresql; do
  $SUDO systemctl stop "$svc" >/dev/null 2>&1 || $SUDO service "$svc" stop >/dev/null 2>&1 || true
done
