#!/usr/bin/env bash
# scripts/arm64-check.sh — runs the shipped jar on the Pi's architecture without a Pi: builds a
# Debian 13 (trixie) arm64 root with openjdk-21-jre-headless (debootstrap) and runs the terminal
# in it under qemu-aarch64 user emulation: `demo`, `verify`, `selftest`, `demo --duration 5`,
# and `nfc-read` on absent UART and I2C readers (which loads jSerialComm's, JNA's and Pi4J's
# native libraries for linux-aarch64). Not part of the default test run: it downloads ~150 MB
# and takes minutes. Each step's result is reported separately; exit 0 when every required step
# passed.
#
# Usage: sudo scripts/arm64-check.sh [--workdir DIR] [--mirror URL] [--jar FILE] [--rebuild]
#   --workdir DIR  where the arm64 root is built and kept for the next run (default /var/tmp/vitale-arm64)
#   --mirror URL   Debian mirror (default: the first deb.debian.org-style URI in apt's sources, else
#                  http://deb.debian.org/debian)
#   --jar FILE     the jar to check (default dist/target/vitale-terminal.jar; build with scripts/dev build)
#   --rebuild      throw the arm64 root away and build it again
#
# Needs root, debootstrap, qemu-user-static (qemu-aarch64-static) and dpkg-deb. When the kernel
# has binfmt_misc set up for aarch64 the root is completed with debootstrap's second stage and
# commands run in a chroot; otherwise (e.g. in a container) the packages are only unpacked and
# java runs as `qemu-aarch64-static -L ROOT`, which is enough to load the JVM and native libraries.
set -euo pipefail

checkout=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
workdir=/var/tmp/vitale-arm64
mirror=""
jar=$checkout/dist/target/vitale-terminal.jar
rebuild=0
readonly suite=trixie java_package=openjdk-21-jre-headless

die() { echo "arm64-check: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --workdir) workdir=${2:?--workdir needs a value}; shift 2 ;;
    --mirror) mirror=${2:?--mirror needs a value}; shift 2 ;;
    --jar) jar=${2:?--jar needs a value}; shift 2 ;;
    --rebuild) rebuild=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

[ "$(id -u)" = 0 ] || die "needs root (debootstrap): run with sudo"
for tool in debootstrap qemu-aarch64-static dpkg-deb; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (Debian: apt-get install debootstrap qemu-user-static)"
done
[ -r "$jar" ] || die "jar $jar not found: build it with scripts/dev build, or pass --jar"
if [ -z "$mirror" ]; then
  mirror=$(grep -h -E '^[[:space:]]*(URIs:|deb[[:space:]])' /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null |
    grep -o -E 'https?://[^ ]+/debian/?( |$)' | head -n 1 | tr -d ' ' || true)
  mirror=${mirror:-http://deb.debian.org/debian}
fi

root=$workdir/$suite-arm64
log=$workdir/log
mkdir -p "$workdir" "$log"
binfmt=0
if [ -r /proc/sys/fs/binfmt_misc/qemu-aarch64 ] && grep -q '^enabled' /proc/sys/fs/binfmt_misc/qemu-aarch64; then binfmt=1; fi

# --- 1. the arm64 root ---------------------------------------------------------------------
if [ "$rebuild" = 1 ]; then rm -rf "$root"; fi
if [ ! -f "$root/.vitale-root-ready" ]; then
  rm -rf "$root"
  echo "arm64-check: debootstrap $suite arm64 from $mirror into $root (log: $log/debootstrap.log)"
  debootstrap --arch=arm64 --foreign --variant=minbase --include="$java_package" \
    "$suite" "$root" "$mirror" >"$log/debootstrap.log" 2>&1 || die "debootstrap (first stage) failed; see $log/debootstrap.log"
  if [ "$binfmt" = 1 ]; then
    install -m 0755 "$(command -v qemu-aarch64-static)" "$root/usr/bin/"
    chroot "$root" /debootstrap/debootstrap --second-stage >>"$log/debootstrap.log" 2>&1 \
      || die "debootstrap (second stage, under qemu) failed; see $log/debootstrap.log"
  else
    # No binfmt_misc: unpack every downloaded package (no maintainer scripts are needed to run java).
    echo "arm64-check: no binfmt_misc for aarch64 here; unpacking the packages instead of a second stage"
    for deb in "$root"/var/cache/apt/archives/*.deb; do dpkg-deb -x "$deb" "$root"; done
  fi
  touch "$root/.vitale-root-ready"
fi
java_home=$(find "$root/usr/lib/jvm" -maxdepth 1 -name 'java-21-openjdk-arm64' -type d | head -n 1)
if [ -z "$java_home" ] || [ ! -x "$java_home/bin/java" ]; then die "no $java_package in $root (see $log/debootstrap.log)"; fi
echo "arm64-check: $(file -b "$java_home/bin/java" | cut -d, -f1-2)"

# --- 2. the terminal, installed as flash.sh installs it ------------------------------------
install -D -m 0644 "$jar" "$root/usr/lib/vitale-terminal/vitale-terminal.jar"
install -D -m 0755 "$checkout/scripts/vitale-terminal" "$root/usr/bin/vitale-terminal"
rm -rf "$root/tmp/vt-demo"
mkdir -p "$root/tmp/vt-demo"

# Runs the installed launcher with arguments; paths inside the root are given as /... .
if [ "$binfmt" = 1 ]; then
  launcher=(chroot "$root" /usr/bin/vitale-terminal)
  inside() { printf '%s' "$1"; }
else
  # The launcher runs on the host's bash; its "java" is the arm64 JVM under qemu with ROOT as
  # the library prefix. The fake JAVA_HOME carries the JDK's release file so the launcher sees 21.
  # The JDK package links its configuration with absolute symlinks (conf/security/java.security
  # -> /etc/java-21-openjdk/...); the kernel resolves those on the host, outside qemu's -L
  # prefix, so point them into the root.
  while IFS= read -r link; do
    target=$(readlink "$link")
    if [[ "$target" == /* && "$target" != "$root"/* ]]; then ln -sfn "$root$target" "$link"; fi
  done < <(find "$java_home/" -type l)
  fake_home=$workdir/java-home
  mkdir -p "$fake_home/bin"
  cp "$java_home/release" "$fake_home/release"
  printf '#!/bin/sh\nexec qemu-aarch64-static -L %q %q "$@"\n' "$root" "$java_home/bin/java" >"$fake_home/bin/java"
  chmod 0755 "$fake_home/bin/java"
  # Native libraries unpack into the root's /tmp, never the host's: an arm64 libjSerialComm.so
  # left in the host's /tmp/jSerialComm would be picked up by x86 JVMs.
  mkdir -p "$root/tmp/java" "$root/root"
  launcher=(env "JAVA_HOME=$fake_home" "HOME=$root/root"
    "VITALE_TERMINAL_JAR=$root/usr/lib/vitale-terminal/vitale-terminal.jar"
    "VITALE_TERMINAL_JAVA_OPTS=-Djava.io.tmpdir=$root/tmp/java -Djna.tmpdir=$root/tmp/java"
    "$root/usr/bin/vitale-terminal")
  inside() { printf '%s' "$root$1"; }
fi

# --- 3. the checks -------------------------------------------------------------------------
results=()
required_failed=0
# $1 name, $2 required|optional, $3 expected exit statuses (e.g. "0" or "0 1"), $4 regexp the output must not match, $5.. command args
step() {
  local name=$1 need=$2 ok_status=$3 forbidden=$4 rc=0 verdict
  shift 4
  echo "arm64-check: $name: vitale-terminal $*"
  timeout 600 "${launcher[@]}" "$@" >"$log/$name.out" 2>&1 </dev/null || rc=$?
  if grep -q -E "unknown command|unknown option" "$log/$name.out"; then verdict="NOT AVAILABLE (not in this jar)"
  elif [[ " $ok_status " == *" $rc "* ]] && ! grep -E -q "$forbidden" "$log/$name.out"; then verdict=PASS
  else verdict=FAIL
  fi
  if [ "$verdict" != PASS ] && [ "$need" = required ]; then required_failed=1; fi
  results+=("$(printf '%-20s %-8s exit %-3s %s' "$name" "$need" "$rc" "$verdict")")
  sed 's/^/    | /' "$log/$name.out" | tail -n 8
}
native_errors='UnsatisfiedLinkError|NoClassDefFoundError|wrong ELF class|cannot open shared object|Exception in thread|InternalError'

step java-version required 0 "$native_errors" --version
# the demo keeps its files (trust material, one QR text per wallet, its own state) with --dir
step demo-mint required 0 "$native_errors" demo --seed 7 --duration 2 --quiet --dir "$(inside /tmp/vt-demo)"
text=$(find "$root/tmp/vt-demo" -name '*.txt' | sort | head -n 1)
if [ -n "$text" ]; then
  step verify required "0 1" "$native_errors" verify --demo --trust-list "$(inside /tmp/vt-demo/trust-list.cose)" \
    --trust-root "$(inside /tmp/vt-demo/root.pem)" --file "$(inside "/tmp/vt-demo/$(basename "$text")")"
  grep -q '"outcome"' "$log/verify.out" || { results+=("verify-json          required no JSON outcome printed"); required_failed=1; }
else
  results+=("verify               required skipped: demo wrote no QR text")
  required_failed=1
fi
# selftest on a configuration made of the demo's trust material: no camera, an absent UART
# reader (loads jSerialComm's native code) and a closed broker port, so every check runs and
# the expected result is exit 1 with FAIL lines for the reader and the broker; exit 2 or a
# missing line would mean the command itself is broken.
mkdir -p "$root/tmp/vt-demo/selftest-state"
cat >"$root/tmp/vt-demo/selftest.properties" <<EOF_PROPERTIES
terminal.id=arm64-check
site.id=000000000
site.kind=other
state.dir=$(inside /tmp/vt-demo/selftest-state)
trust.roots=$(inside /tmp/vt-demo/root.pem)
trust.list=$(inside /tmp/vt-demo/trust-list.cose)
camera.source=none
nfc.reader=pn532:uart:/dev/ttyVT-absent
indicator=console
mqtt.url=tcp://127.0.0.1:1
EOF_PROPERTIES
step selftest required "0 1" "$native_errors" selftest --config "$(inside /tmp/vt-demo/selftest.properties)"
if ! grep -q -E '^(PASS|FAIL) +nfc ' "$log/selftest.out" || ! grep -q '^selftest ' "$log/selftest.out"; then
  results+=("selftest-lines       required no nfc line or summary in the report")
  required_failed=1
fi
step demo-5s optional 0 "$native_errors" demo --duration 5
# Absent readers: the drivers load their native code, then report the missing device (exit 2).
step serial-native required 2 "$native_errors" nfc-read --reader pn532:uart:/dev/ttyVT-absent --timeout 1 --demo \
  --trust-list "$(inside /tmp/vt-demo/trust-list.cose)" --trust-root "$(inside /tmp/vt-demo/root.pem)"
step i2c-native required 2 "$native_errors" nfc-read --reader pn532:i2c:1:0x24 --timeout 1 --demo \
  --trust-list "$(inside /tmp/vt-demo/trust-list.cose)" --trust-root "$(inside /tmp/vt-demo/root.pem)"
# Pi4J's linuxfs SPI provider opens /dev/spidevB.C through JNA's libc binding: the "Failed to
# open SPI device" answer comes from that native open() call on aarch64.
step spi-native required 2 "$native_errors" nfc-read --reader pn532:spi:0.0 --timeout 1 --demo \
  --trust-list "$(inside /tmp/vt-demo/trust-list.cose)" --trust-root "$(inside /tmp/vt-demo/root.pem)"
if ! grep -q 'Failed to open SPI device' "$log/spi-native.out"; then
  results+=("spi-native-call      required Pi4J did not reach the native open() of /dev/spidev0.0")
  required_failed=1
fi

echo
mode="qemu -L"
if [ "$binfmt" = 1 ]; then mode=chroot; fi
echo "arm64-check: Debian $suite arm64, $(sed -n 's/^JAVA_VERSION=//p' "$java_home/release"), $mode mode"
printf '  %s\n' "${results[@]}"
echo "  (outputs in $log)"
exit "$required_failed"
