#!/usr/bin/env bash
# scripts/flash.sh — provisions a vitale-terminal: writes Raspberry Pi OS to an SD card (or an
# image file) and configures it offline, or configures a running Raspberry Pi OS over SSH.
#
# Usage:
#   flash.sh [--site FILE] [options] --image IMG --target /dev/sdX|FILE.img    (mode 1: card or image)
#   flash.sh [--site FILE] [options] --ssh USER@HOST                           (mode 2: running device)
#   flash.sh --help
#
# Inputs come from a site file (key=value lines, '#' comments; relative paths are relative to
# the file) and/or flags; flags win. Keys and flags:
#   image=PATH|URL          --image           Raspberry Pi OS 64-bit (Debian 13) .img, .img.xz or .img.gz
#   image.sha256=HEX        --image-sha256    checked before writing (recommended for URLs)
#   target=DEV|FILE         --target          SD card block device, or an image file to create/overwrite
#   ssh=USER@HOST           --ssh             mode 2 instead of --target
#   hostname=NAME           --hostname        required
#   terminal.id=ID          --terminal-id     required
#   site.id=ID              --site-id         required
#   site.kind=KIND          --site-kind       required: pharmacy | hospital | practice | other
#   mqtt.url=URL            --mqtt-url        required: ssl://HOST:PORT (or tcp:// for a lab)
#   mqtt.ca=PEM             --mqtt-ca         required: the broker's CA
#   mqtt.cert=PEM           --device-cert     required: this terminal's client certificate
#   mqtt.key=PEM            --device-key      required: its private key (root partition only, 0600)
#   trust.roots=PEM[,PEM]   --trust-root      required: pinned trust-list signer keys (flag repeatable)
#   trust.list=FILE         --trust-list      required: the initial signed trust list (.cose)
#   jar=FILE                --jar             default: dist/target/vitale-terminal.jar of this checkout
#   indicator=SPEC          --indicator       default: gpio:green=17,red=27,buzzer=18
#   nfc.reader=URI          --nfc-reader      default: pn532:i2c:1:0x24
#   camera.source=SPEC      --camera          default: rpicam:width=1280,height=720,fps=30
#   scanner.source=SPEC     --scanner         default: none
#   wifi.ssid=SSID          --wifi-ssid       optional, with wifi.psk (and wifi.country, default FR)
#   wifi.psk=PASSPHRASE     --wifi-psk
#   wifi.country=CC         --wifi-country    (kernel cfg80211.ieee80211_regdom in cmdline.txt)
#   java.package=NAME       --java-package    default: openjdk-21-jre-headless (installed at first boot if missing)
#   clock.seed=TIME         --clock-seed      default: now; the earliest time the device may believe after boot
# Other flags:
#   --writer auto|bmaptool|dd   how to write the image (auto: bmaptool when installed, else dd)
#   --skip-write                 configure a card or image that already holds Raspberry Pi OS
#   --yes                        do not ask before overwriting a block device
#   --dry-run                    print every action and change nothing
#
# Mode 1 needs root (loop devices to mount the ext4 root partition), sfdisk and mtools (the FAT
# boot partition is edited with mcopy, so no vfat driver is needed). Running it twice gives the
# same result. Secrets (device key, Wi-Fi passphrase) go only to the ext4 root partition.
set -euo pipefail

readonly service_user=vitale-terminal
readonly marker_begin='# >>> vitale-terminal (scripts/flash.sh): do not edit between these markers'
readonly marker_end='# <<< vitale-terminal'
readonly -a site_kinds=(pharmacy hospital practice other)
script_dir=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
readonly script_dir
readonly checkout=${script_dir%/scripts}

die() { echo "flash.sh: $*" >&2; exit 2; }
note() { echo "flash.sh: $*" >&2; }
usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; }

dry_run=0
# Runs a command that changes something; in a dry run only prints it.
run() {
  if [ "$dry_run" = 1 ]; then
    printf '+'; printf ' %q' "$@"; printf '\n'
  else
    "$@"
  fi
}

# ---------------------------------------------------------------------------------------------
# Inputs

declare -A cfg=(
  [jar]="$checkout/dist/target/vitale-terminal.jar"
  [indicator]="gpio:green=17,red=27,buzzer=18"
  [nfc.reader]="pn532:i2c:1:0x24"
  [camera.source]="rpicam:width=1280,height=720,fps=30"
  [scanner.source]="none"
  [wifi.country]="FR"
  [java.package]="openjdk-21-jre-headless"
  [writer]="auto"
)
known_keys=" image image.sha256 target ssh hostname terminal.id site.id site.kind mqtt.url mqtt.ca "
known_keys+="mqtt.cert mqtt.key trust.roots trust.list jar indicator nfc.reader camera.source scanner.source "
known_keys+="wifi.ssid wifi.psk wifi.country java.package clock.seed writer "
readonly known_keys
readonly path_keys=" image target mqtt.ca mqtt.cert mqtt.key trust.list jar "

# Reads a site file: key=value lines; never sourced, so it cannot run code.
read_site_file() {
  local file=$1 dir line number=0 key value
  [ -r "$file" ] || die "site file $file: not found or not readable"
  dir=$(cd "$(dirname "$file")" && pwd)
  while IFS= read -r line || [ -n "$line" ]; do
    number=$((number + 1))
    line=${line%$'\r'}
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    [[ "$line" == *=* ]] || die "site file $file:$number: expected key=value, got '$line'"
    key=${line%%=*}; key=${key//[[:space:]]/}
    value=${line#*=}; value=${value#"${value%%[![:space:]]*}"}; value=${value%"${value##*[![:space:]]}"}
    [[ "$known_keys" == *" $key "* ]] || die "site file $file:$number: unknown key '$key' (see flash.sh --help)"
    if [[ "$path_keys" == *" $key "* && "$value" != /* && "$value" != *://* && -n "$value" ]]; then
      value="$dir/$value"
    elif [ "$key" = trust.roots ]; then
      value=$(absolute_list "$dir" "$value")
    fi
    site_cfg[$key]=$value
  done <"$file"
}

absolute_list() { # $1 dir, $2 comma-separated paths
  local out="" item
  local -a items
  IFS=, read -r -a items <<<"$2"
  for item in "${items[@]}"; do
    item=${item//[[:space:]]/}
    [ -z "$item" ] && continue
    [[ "$item" == /* ]] || item="$1/$item"
    out+="${out:+,}$item"
  done
  printf '%s' "$out"
}

declare -A site_cfg=() flag_cfg=()
site_file=""
skip_write=0
assume_yes=0
apply_dir=""
apply_root="/"
apply_boot=""
live=0

need_value() { if [ $# -lt 2 ] || [ -z "$2" ]; then die "$1 needs a value (see --help)"; fi; }

parse_flags() {
  local flag
  while [ $# -gt 0 ]; do
    flag=$1
    case "$flag" in
      -h|--help) usage; exit 0 ;;
      --dry-run) dry_run=1; shift; continue ;;
      --skip-write) skip_write=1; shift; continue ;;
      --yes) assume_yes=1; shift; continue ;;
      --live) live=1; shift; continue ;;
    esac
    need_value "$@"
    case "$flag" in
      --site) site_file=$2 ;;
      --image) flag_cfg[image]=$2 ;;
      --image-sha256) flag_cfg[image.sha256]=$2 ;;
      --target) flag_cfg[target]=$2 ;;
      --ssh) flag_cfg[ssh]=$2 ;;
      --hostname) flag_cfg[hostname]=$2 ;;
      --terminal-id) flag_cfg[terminal.id]=$2 ;;
      --site-id) flag_cfg[site.id]=$2 ;;
      --site-kind) flag_cfg[site.kind]=$2 ;;
      --mqtt-url) flag_cfg[mqtt.url]=$2 ;;
      --mqtt-ca) flag_cfg[mqtt.ca]=$2 ;;
      --device-cert) flag_cfg[mqtt.cert]=$2 ;;
      --device-key) flag_cfg[mqtt.key]=$2 ;;
      --trust-root) flag_cfg[trust.roots]="${flag_cfg[trust.roots]:+${flag_cfg[trust.roots]},}$2" ;;
      --trust-list) flag_cfg[trust.list]=$2 ;;
      --jar) flag_cfg[jar]=$2 ;;
      --indicator) flag_cfg[indicator]=$2 ;;
      --nfc-reader) flag_cfg[nfc.reader]=$2 ;;
      --camera) flag_cfg[camera.source]=$2 ;;
      --scanner) flag_cfg[scanner.source]=$2 ;;
      --wifi-ssid) flag_cfg[wifi.ssid]=$2 ;;
      --wifi-psk) flag_cfg[wifi.psk]=$2 ;;
      --wifi-country) flag_cfg[wifi.country]=$2 ;;
      --java-package) flag_cfg[java.package]=$2 ;;
      --clock-seed) flag_cfg[clock.seed]=$2 ;;
      --writer) flag_cfg[writer]=$2 ;;
      --apply-staged) apply_dir=$2 ;;
      --root) apply_root=$2 ;;
      --boot) apply_boot=$2 ;;
      *) die "unknown option $flag (see --help)" ;;
    esac
    shift 2
  done
}

merge_inputs() {
  local key
  if [ -n "$site_file" ]; then read_site_file "$site_file"; fi
  for key in "${!site_cfg[@]}"; do cfg[$key]=${site_cfg[$key]}; done
  for key in "${!flag_cfg[@]}"; do
    case "$key" in
      trust.roots) cfg[$key]=$(absolute_list "$PWD" "${flag_cfg[$key]}") ;;
      *) cfg[$key]=${flag_cfg[$key]} ;;
    esac
  done
  if [ -z "${cfg[clock.seed]:-}" ]; then cfg[clock.seed]=$(date -u '+%Y-%m-%d %H:%M:%S'); fi
}

# Collects every problem before stopping, so a technician fixes the site file in one go.
problems=()
problem() { problems+=("$1"); }

require_value() { # $1 key, $2 flag
  [ -n "${cfg[$1]:-}" ] || problem "missing $1 (site file key $1, or flag $2)"
}
require_file() { # $1 key, $2 flag, $3 path
  if [ ! -f "$3" ]; then problem "$1: file $3 not found (site file key $1, or flag $2)"
  elif [ ! -r "$3" ]; then problem "$1: file $3 is not readable"
  fi
}
# Configuration values end up in a Java properties file: one line, no escapes.
plain_value() { # $1 key
  local value=${cfg[$1]:-}
  if [[ "$value" == *\\* || "$value" == *$'\n'* ]]; then problem "$1: backslashes and newlines are not allowed"; fi
}

validate_inputs() {
  local key root
  for key in hostname terminal.id site.id site.kind mqtt.url mqtt.ca mqtt.cert mqtt.key trust.roots trust.list jar; do
    require_value "$key" "$(flag_of "$key")"
  done
  for key in mqtt.ca mqtt.cert mqtt.key trust.list jar; do
    if [ -n "${cfg[$key]:-}" ]; then require_file "$key" "$(flag_of "$key")" "${cfg[$key]}"; fi
  done
  if [ -n "${cfg[trust.roots]:-}" ]; then
    local -a roots
    IFS=, read -r -a roots <<<"${cfg[trust.roots]}"
    for root in "${roots[@]}"; do require_file trust.roots --trust-root "$root"; done
  fi
  for key in terminal.id site.id site.kind mqtt.url indicator nfc.reader camera.source scanner.source; do
    plain_value "$key"
  done
  local hostname=${cfg[hostname]:-}
  if [ -n "$hostname" ] && ! [[ "$hostname" =~ ^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$ ]]; then
    problem "hostname: '$hostname' is not a host name (lower-case letters, digits and '-', at most 63, no '-' at the ends)"
  fi
  local id=${cfg[terminal.id]:-}
  if [ -n "$id" ] && ! [[ "$id" =~ ^[A-Za-z0-9._-]{1,64}$ ]]; then
    problem "terminal.id: '$id' must be 1-64 letters, digits, '.', '_' or '-' (it is an MQTT client id and topic part)"
  fi
  local kind=${cfg[site.kind]:-}
  if [ -n "$kind" ] && ! [[ " ${site_kinds[*]} " == *" $kind "* ]]; then
    problem "site.kind: '$kind' is not one of: ${site_kinds[*]}"
  fi
  local url=${cfg[mqtt.url]:-}
  if [ -n "$url" ] && ! [[ "$url" =~ ^(ssl|tcp)://[^/[:space:]]+:[0-9]+$ ]]; then
    problem "mqtt.url: '$url' must look like ssl://broker.example:8883"
  fi
  if [ -n "${cfg[mqtt.key]:-}" ] && [ -r "${cfg[mqtt.key]}" ] && ! grep -q -- '-----BEGIN .*PRIVATE KEY-----' "${cfg[mqtt.key]}"; then
    problem "mqtt.key: ${cfg[mqtt.key]} holds no PEM private key"
  fi
  if [ -n "${cfg[wifi.ssid]:-}" ] && [ -z "${cfg[wifi.psk]:-}" ]; then
    problem "wifi.ssid is set but wifi.psk is not"
  fi
  if ! date -u -d "${cfg[clock.seed]}" '+%s' >/dev/null 2>&1; then
    problem "clock.seed: '${cfg[clock.seed]}' is not a date (e.g. 2026-03-01 12:00:00)"
  fi
  case "${cfg[writer]}" in auto|bmaptool|dd) ;; *) problem "writer: '${cfg[writer]}' is not auto, bmaptool or dd" ;; esac
}

flag_of() {
  case "$1" in
    terminal.id) echo --terminal-id ;; site.id) echo --site-id ;; site.kind) echo --site-kind ;;
    mqtt.url) echo --mqtt-url ;; mqtt.ca) echo --mqtt-ca ;; mqtt.cert) echo --device-cert ;;
    mqtt.key) echo --device-key ;; trust.roots) echo --trust-root ;; trust.list) echo --trust-list ;;
    *) echo "--$1" ;;
  esac
}

report_problems() {
  [ ${#problems[@]} -eq 0 ] && return 0
  echo "flash.sh: cannot continue:" >&2
  printf '  - %s\n' "${problems[@]}" >&2
  exit 2
}

# ---------------------------------------------------------------------------------------------
# Staging: everything that goes onto the device, laid out as a directory with the settings the
# apply step needs. Mode 1 applies it to the mounted image; mode 2 copies it to the device and
# applies it there with this same script, so both modes install exactly the same files.

stage_payload() { # $1 = empty directory
  local stage=$1 root name
  mkdir -p "$stage/roots"
  install -m 0644 "${cfg[jar]}" "$stage/vitale-terminal.jar"
  install -m 0755 "$script_dir/vitale-terminal" "$stage/vitale-terminal"
  install -m 0755 "$script_dir/flash.sh" "$stage/flash.sh"
  install -m 0755 "$checkout/systemd/firstboot" "$stage/firstboot"
  install -m 0644 "$checkout/systemd/vitale-terminal.service" "$checkout/systemd/vitale-terminal-firstboot.service" "$stage/"
  install -m 0644 "$checkout/systemd/sysusers.d/vitale-terminal.conf" "$stage/sysusers.conf"
  install -m 0644 "$checkout/systemd/tmpfiles.d/vitale-terminal.conf" "$stage/tmpfiles.conf"
  install -m 0644 "$checkout/systemd/udev/99-vitale-terminal.rules" "$stage/udev.rules"
  local -a roots
  IFS=, read -r -a roots <<<"${cfg[trust.roots]}"
  for root in "${roots[@]}"; do
    name=$(basename "$root"); name=${name%.pem}.pem
    install -m 0644 "$root" "$stage/roots/$name"
  done
  install -m 0644 "${cfg[trust.list]}" "$stage/trust-list.cose"
  install -m 0644 "${cfg[mqtt.ca]}" "$stage/mqtt-ca.pem"
  install -m 0644 "${cfg[mqtt.cert]}" "$stage/device.crt"
  install -m 0600 "${cfg[mqtt.key]}" "$stage/device.key"
  write_properties >"$stage/terminal.properties"
  {
    printf 'hostname=%s\n' "${cfg[hostname]}"
    printf 'clock.seed=%s\n' "$(date -u -d "${cfg[clock.seed]}" '+%Y-%m-%d %H:%M:%S')"
    printf 'nfc.reader=%s\n' "${cfg[nfc.reader]}"
    printf 'java.package=%s\n' "${cfg[java.package]}"
    printf 'wifi.ssid=%s\n' "${cfg[wifi.ssid]:-}"
    printf 'wifi.country=%s\n' "${cfg[wifi.country]}"
  } >"$stage/settings"
  if [ -n "${cfg[wifi.ssid]:-}" ]; then
    (umask 077; printf '%s' "${cfg[wifi.psk]}" >"$stage/wifi.psk")
  fi
}

write_properties() {
  cat <<PROPS
# /etc/vitale-terminal/terminal.properties — written by scripts/flash.sh (keys: docs/configuration.md)
terminal.id=${cfg[terminal.id]}
site.id=${cfg[site.id]}
site.kind=${cfg[site.kind]}
state.dir=/var/lib/vitale-terminal
trust.roots=/etc/vitale-terminal/roots/*.pem
trust.list=/etc/vitale-terminal/trust-list.cose
camera.source=${cfg[camera.source]}
scanner.source=${cfg[scanner.source]}
nfc.reader=${cfg[nfc.reader]}
indicator=${cfg[indicator]}
mqtt.url=${cfg[mqtt.url]}
mqtt.ca=/etc/vitale-terminal/mqtt-ca.pem
mqtt.cert=/etc/vitale-terminal/device.crt
mqtt.key=/etc/vitale-terminal/device.key
demo=false
PROPS
}

setting() { sed -n "s/^$1=//p" "$apply_dir/settings"; }

# ---------------------------------------------------------------------------------------------
# Apply: install the staged files into a root file system ($apply_root: a mounted image or /) and
# edit the boot partition through boot_get/boot_put (mtools on an image, plain files on a device).

boot_mode=""      # mtools or dir
boot_image=""     # mtools: IMAGE@@OFFSET
boot_dir=""       # dir: the mounted boot partition

boot_get() { # $1 name, $2 local copy
  case "$boot_mode" in
    mtools) MTOOLS_SKIP_CHECK=1 mcopy -n -i "$boot_image" "::$1" "$2" 2>/dev/null || : >"$2" ;;
    dir) if [ -f "$boot_dir/$1" ]; then cp "$boot_dir/$1" "$2"; else : >"$2"; fi ;;
  esac
}
boot_put() { # $1 local file, $2 name
  case "$boot_mode" in
    mtools) run env MTOOLS_SKIP_CHECK=1 mcopy -o -i "$boot_image" "$1" "::$2" ;;
    dir) run install -m 0644 "$1" "$boot_dir/$2" ;;
  esac
}

# Installs $2 as $1 with mode $3 (owner root) when missing or different.
put() { # $1 dest (inside root), $2 source, $3 mode
  local dest=$apply_root$1
  run install -D -m "$3" -o 0 -g 0 "$2" "$dest"
}

# The uid:gid of the service user in the target's /etc/passwd, or nothing yet.
service_owner() {
  local line
  line=$(grep "^$service_user:" "$apply_root/etc/passwd" 2>/dev/null || true)
  [ -n "$line" ] && printf '%s:%s' "$(cut -d: -f3 <<<"$line")" "$(cut -d: -f4 <<<"$line")"
}

# Rewrites a text file through a filter command, only if the result differs.
edit_file() { # $1 path (real path), $2 mode, $3.. filter command
  local path=$1 mode=$2 tmp
  shift 2
  tmp=$(mktemp)
  if [ -f "$path" ]; then "$@" <"$path" >"$tmp"; else "$@" </dev/null >"$tmp"; fi
  if [ -f "$path" ] && cmp -s "$tmp" "$path"; then rm -f "$tmp"; return 0; fi
  run install -D -m "$mode" "$tmp" "$path"
  rm -f "$tmp"
}

hosts_filter() { # $1 hostname
  awk -v host="$1" '
    $1 == "127.0.1.1" { if (!done) print "127.0.1.1\t" host; done = 1; next }
    { print }
    END { if (!done) print "127.0.1.1\t" host }'
}
line_filter() { # $1 line that must be present once
  awk -v want="$1" '{ print } $0 == want { found = 1 } END { if (!found) print want }'
}
# config.txt: one marked block at the end (under [all]), replaced on every run.
config_txt_filter() {
  awk -v begin="$marker_begin" -v end="$marker_end" '
    $0 == begin { skip = 1; next }
    skip && $0 == end { skip = 0; next }
    !skip { print }'
  printf '%s\n' "$marker_begin" "[all]" "dtparam=i2c_arm=on" "dtparam=spi=on" "enable_uart=1" \
    "camera_auto_detect=1" "$marker_end"
}
# cmdline.txt: the serial console must leave the UART to a PN532 on it ($1 = yes), and Wi-Fi
# needs its regulatory country ($2, empty = leave as is). One line, edited in place.
cmdline_filter() { # $1 remove serial console (yes/no), $2 Wi-Fi country or empty
  local line
  IFS= read -r line || true
  if [ "$1" = yes ]; then line=$(sed -E 's/(^| )console=(serial0|ttyAMA0|ttyS0),[0-9]+//g; s/^ +//' <<<"$line"); fi
  if [ -n "$2" ]; then
    line=$(sed -E 's/(^| )cfg80211\.ieee80211_regdom=[A-Za-z]+//g; s/^ +//' <<<"$line")
    line="$line cfg80211.ieee80211_regdom=$2"
  fi
  printf '%s\n' "$line"
}

apply_payload() {
  local stage=$apply_dir root=$apply_root host seed owner nfc tmp
  host=$(setting hostname)
  seed=$(setting clock.seed)
  nfc=$(setting nfc.reader)
  [ -f "$root/etc/os-release" ] || [ "$dry_run" = 1 ] || die "$root does not look like a root file system (no etc/os-release)"

  note "installing the program, units and configuration into ${root%/}/"
  put /usr/lib/vitale-terminal/vitale-terminal.jar "$stage/vitale-terminal.jar" 0644
  put /usr/lib/vitale-terminal/firstboot "$stage/firstboot" 0755
  put /usr/bin/vitale-terminal "$stage/vitale-terminal" 0755
  put /usr/lib/systemd/system/vitale-terminal.service "$stage/vitale-terminal.service" 0644
  put /usr/lib/systemd/system/vitale-terminal-firstboot.service "$stage/vitale-terminal-firstboot.service" 0644
  put /usr/lib/sysusers.d/vitale-terminal.conf "$stage/sysusers.conf" 0644
  put /usr/lib/tmpfiles.d/vitale-terminal.conf "$stage/tmpfiles.conf" 0644
  put /usr/lib/udev/rules.d/99-vitale-terminal.rules "$stage/udev.rules" 0644
  # The Java package first boot installs when the image has none.
  tmp=$(mktemp)
  printf '[Service]\nEnvironment=VITALE_TERMINAL_JAVA_PACKAGE=%s\n' "$(setting java.package)" >"$tmp"
  put /etc/systemd/system/vitale-terminal-firstboot.service.d/java-package.conf "$tmp" 0644
  rm -f "$tmp"

  put /etc/vitale-terminal/terminal.properties "$stage/terminal.properties" 0644
  # Roots are replaced as a set: a root dropped from the site file must stop being trusted.
  run find "$root/etc/vitale-terminal/roots" -maxdepth 1 -name '*.pem' -delete 2>/dev/null || true
  local pem
  for pem in "$stage"/roots/*.pem; do put "/etc/vitale-terminal/roots/$(basename "$pem")" "$pem" 0644; done
  put /etc/vitale-terminal/trust-list.cose "$stage/trust-list.cose" 0644
  put /etc/vitale-terminal/mqtt-ca.pem "$stage/mqtt-ca.pem" 0644
  put /etc/vitale-terminal/device.crt "$stage/device.crt" 0644

  # The service user: created now with the target's own tables when systemd-sysusers is at hand
  # (so the key gets its final owner at once), else at first boot by systemd-sysusers.service;
  # the tmpfiles 'z' line then hands the key over before the service starts.
  if command -v systemd-sysusers >/dev/null 2>&1; then
    run systemd-sysusers --root="$root" "$root/usr/lib/sysusers.d/vitale-terminal.conf"
  else
    note "systemd-sysusers not found here: the service user is created at first boot"
  fi
  owner=$(service_owner || true)
  if [ -z "$owner" ] && [ "$dry_run" = 1 ]; then owner=$service_user:$service_user; fi
  if [ -n "$owner" ]; then
    run install -D -m 0600 -o "${owner%%:*}" -g "${owner##*:}" "$stage/device.key" "$root/etc/vitale-terminal/device.key"
  else
    note "device key owned by root until first boot, when tmpfiles gives it to $service_user"
    run install -D -m 0600 -o 0 -g 0 "$stage/device.key" "$root/etc/vitale-terminal/device.key"
  fi

  note "host name $host, clock seed $seed UTC"
  edit_file "$root/etc/hostname" 0644 printf '%s\n' "$host"
  edit_file "$root/etc/hosts" 0644 hosts_filter "$host"
  edit_file "$root/etc/modules" 0644 line_filter i2c-dev
  # fake-hwclock restores this at boot; systemd-timesyncd never goes below its clock file's mtime.
  edit_file "$root/etc/fake-hwclock.data" 0644 printf '%s\n' "$seed"
  run mkdir -p "$root/var/lib/systemd/timesync"
  run touch -d "$seed UTC" "$root/var/lib/systemd/timesync/clock"

  local ssid
  ssid=$(setting wifi.ssid)
  if [ -n "$ssid" ]; then
    tmp=$(mktemp)
    write_nmconnection "$ssid" "$(cat "$stage/wifi.psk")" >"$tmp"
    run install -D -m 0600 -o 0 -g 0 "$tmp" "$root/etc/NetworkManager/system-connections/vitale-terminal-wifi.nmconnection"
    rm -f "$tmp"
  fi

  note "enabling vitale-terminal.service and its first-boot helper"
  local unit
  run mkdir -p "$root/etc/systemd/system/multi-user.target.wants"
  for unit in vitale-terminal.service vitale-terminal-firstboot.service; do
    run ln -sfn "/usr/lib/systemd/system/$unit" "$root/etc/systemd/system/multi-user.target.wants/$unit"
  done

  note "boot partition: I2C, SPI, UART and camera on"
  tmp=$(mktemp -d)
  boot_get config.txt "$tmp/config.txt"
  config_txt_filter <"$tmp/config.txt" >"$tmp/config.new"
  cmp -s "$tmp/config.txt" "$tmp/config.new" || boot_put "$tmp/config.new" config.txt
  local serial=no country=""
  if [[ "$nfc" == pn532:uart:* ]]; then serial=yes; fi
  if [ -n "$ssid" ]; then country=$(setting wifi.country); fi
  if [ "$serial" = yes ] || [ -n "$country" ]; then
    boot_get cmdline.txt "$tmp/cmdline.txt"
    cmdline_filter "$serial" "$country" <"$tmp/cmdline.txt" >"$tmp/cmdline.new"
    cmp -s "$tmp/cmdline.txt" "$tmp/cmdline.new" || boot_put "$tmp/cmdline.new" cmdline.txt
  fi
  rm -rf "$tmp"
}

write_nmconnection() { # $1 ssid, $2 psk
  cat <<NM
[connection]
id=vitale-terminal-wifi
type=wifi
autoconnect=true

[wifi]
mode=infrastructure
ssid=$1

[wifi-security]
key-mgmt=wpa-psk
psk=$2

[ipv4]
method=auto

[ipv6]
method=auto
NM
}

# On a running device (mode 2): bring the installed files to life.
activate_live() {
  run systemd-sysusers
  run systemd-tmpfiles --create /usr/lib/tmpfiles.d/vitale-terminal.conf
  run udevadm control --reload-rules
  run udevadm trigger --action=change
  run hostname "$(setting hostname)"
  run systemctl daemon-reload
  run systemctl enable --now vitale-terminal-firstboot.service
  run systemctl enable vitale-terminal.service
  run systemctl restart vitale-terminal.service
  note "done; reboot once so that I2C, SPI and UART changes in config.txt take effect"
}

# Mode 2's remote half: runs on the device as root.
apply_staged_main() {
  [ -f "$apply_dir/settings" ] || die "--apply-staged $apply_dir: no staged payload there"
  if [ "$dry_run" = 0 ] && [ "$(id -u)" != 0 ]; then die "--apply-staged must run as root"; fi
  boot_mode=dir
  boot_dir=$apply_boot
  if [ -z "$boot_dir" ]; then
    if [ -f "$apply_root/boot/firmware/config.txt" ]; then boot_dir=$apply_root/boot/firmware; else boot_dir=$apply_root/boot; fi
  fi
  apply_payload
  if [ "$live" = 1 ]; then activate_live; fi
}

# ---------------------------------------------------------------------------------------------
# Mode 1: write the image, then configure both partitions offline.

# Refuses targets that must never be overwritten.
check_target() {
  local target=$1 real root_source root_disk mounted
  real=$(readlink -f "$target")
  if [ -n "${cfg[image]:-}" ] && [ -e "${cfg[image]}" ] && [ "$real" = "$(readlink -f "${cfg[image]}")" ]; then
    die "target $target is the source image itself"
  fi
  if [ -b "$real" ]; then
    root_source=$(findmnt -n -v -o SOURCE --target / 2>/dev/null || true)
    if [ -n "$root_source" ] && [ -b "$root_source" ]; then
      root_disk=$(lsblk -n -d -p -o PKNAME "$root_source" 2>/dev/null || true)
      if [ "$real" = "$(readlink -f "$root_source")" ] || { [ -n "$root_disk" ] && [ "$real" = "$root_disk" ]; }; then
        die "target $target holds the running system (/ is on $root_source): refusing"
      fi
    fi
    mounted=$(lsblk -n -r -p -o NAME,MOUNTPOINT "$real" 2>/dev/null | awk '$2 != "" { print $1 " on " $2 }')
    if [ -n "$mounted" ]; then
      die "target $target is mounted ($(tr '\n' ' ' <<<"$mounted")): unmount it first"
    fi
    if [ "$assume_yes" = 0 ] && [ "$dry_run" = 0 ]; then
      [ -t 0 ] || die "target $target is a block device: pass --yes to overwrite it without a prompt"
      local answer
      read -r -p "Overwrite ALL data on $target ($(lsblk -n -d -o SIZE,MODEL "$real" 2>/dev/null | xargs))? Type the device name: " answer
      [ "$answer" = "$target" ] || die "not confirmed; nothing written"
    fi
  elif [ -e "$real" ] && [ ! -f "$real" ]; then
    die "target $target is neither a block device nor a regular file"
  elif [[ "$target" == /dev/* ]]; then
    die "target $target does not exist (is the card reader plugged in?)"
  elif [ -f "$real" ]; then
    local loop
    for loop in $(losetup -n -O NAME -j "$real" 2>/dev/null); do
      if findmnt -n -S "$loop" >/dev/null 2>&1; then
        die "target $target is mounted through $loop: unmount it first"
      fi
    done
  fi
}

fetch_image() {
  local image=${cfg[image]} cache file
  if [[ "$image" == http://* || "$image" == https://* ]]; then
    cache=${XDG_CACHE_HOME:-$HOME/.cache}/vitale-terminal/images
    file="$cache/$(basename "${image%%\?*}")"
    if [ ! -f "$file" ]; then
      run mkdir -p "$cache"
      run curl -fL --retry 3 -o "$file.part" "$image"
      run mv "$file.part" "$file"
    fi
    image=$file
  elif [ ! -f "$image" ]; then
    die "image: file $image not found (site file key image, or flag --image)"
  fi
  if [ -n "${cfg[image.sha256]:-}" ] && [ "$dry_run" = 0 ]; then
    echo "${cfg[image.sha256]}  $image" | sha256sum -c --quiet - >/dev/null 2>&1 \
      || die "image: $image does not match image.sha256 ${cfg[image.sha256]}"
  fi
  printf '%s' "$image"
}

write_image() { # $1 image file, $2 target
  local image=$1 target=$2 writer=${cfg[writer]} bmap=""
  local -a decompress
  if [ "$writer" = auto ]; then
    if command -v bmaptool >/dev/null 2>&1; then writer="bmaptool"; else writer="dd"; fi
  fi
  note "writing $image to $target with $writer"
  if [ "$writer" = bmaptool ]; then
    command -v bmaptool >/dev/null 2>&1 || die "writer bmaptool: bmaptool is not installed (Debian: bmaptool or bmap-tools)"
    for bmap in "${image%.*}.bmap" "$image.bmap" ""; do [ -n "$bmap" ] && [ -f "$bmap" ] && break; done
    if [ -n "$bmap" ]; then run bmaptool copy --bmap "$bmap" "$image" "$target"
    else run bmaptool copy --nobmap "$image" "$target"; fi
  else
    case "$image" in
      *.xz) decompress=(xz -dc) ;;
      *.gz) decompress=(gzip -dc) ;;
      *) decompress=(cat) ;;
    esac
    if [ "$dry_run" = 1 ]; then
      printf '+ %s %q | dd of=%q bs=4M conv=fsync status=none\n' "${decompress[*]}" "$image" "$target"
    else
      "${decompress[@]}" "$image" | dd of="$target" bs=4M conv=fsync status=none
    fi
  fi
}

# Cleaned up on exit (globals: an EXIT trap runs after the functions' locals are gone).
stage_dir=""
remote_dest=""
remote_dir=""
loops=()
mountpoint_dir=""
cleanup() {
  if [ -n "$remote_dir" ]; then ssh -o BatchMode=yes "$remote_dest" rm -rf "$remote_dir" || true; fi
  if [ -n "$stage_dir" ]; then rm -rf "$stage_dir"; fi
  if [ -n "$mountpoint_dir" ]; then
    umount "$mountpoint_dir" 2>/dev/null || true
    rmdir "$mountpoint_dir" 2>/dev/null || true
  fi
  local loop
  for loop in "${loops[@]}"; do losetup -d "$loop" 2>/dev/null || true; done
}

# Prints "START SIZE TYPE" (in 512-byte sectors) of partition $2 of $1.
partition() {
  sfdisk -d "$1" 2>/dev/null | awk -v n="$2" -F'[:,]' '
    $1 ~ ("[^0-9]" n " *$") {
      for (i = 2; i <= NF; i++) { split($i, kv, "="); gsub(/ /, "", kv[1]); gsub(/ /, "", kv[2]); f[kv[1]] = kv[2] }
      print f["start"], f["size"], f["type"]; exit }'
}

mode1_main() {
  local target=${cfg[target]} image="" boot root
  [ -n "$target" ] || die "missing target"
  if [ "$skip_write" = 0 ]; then require_value image --image; fi
  report_problems
  if [ "$dry_run" = 0 ] && [ "$(id -u)" != 0 ]; then die "writing a card or image needs root (loop devices): run with sudo"; fi
  for tool in sfdisk mcopy losetup mount; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (Debian: fdisk, mtools, mount)"
  done
  check_target "$target"
  if [ "$skip_write" = 0 ]; then
    image=$(fetch_image)
    write_image "$image" "$target"
  fi

  stage_dir=$(mktemp -d)
  stage_payload "$stage_dir"
  apply_dir=$stage_dir

  if [ "$dry_run" = 1 ] && { [ "$skip_write" = 0 ] || [ ! -e "$target" ]; }; then
    # The partitions do not exist yet: show what would happen to them.
    boot_mode=mtools; boot_image="$target@@BOOT_OFFSET"
    apply_root=/mnt/vitale-terminal-root
    echo "+ mount partition 2 (ext4 root) of $target at $apply_root; edit partition 1 (FAT boot) with mtools"
    apply_payload
    return 0
  fi

  read -r -a boot <<<"$(partition "$target" 1)"
  read -r -a root <<<"$(partition "$target" 2)"
  if [ ${#boot[@]} -ne 3 ] || [ ${#root[@]} -ne 3 ]; then
    die "$target has no Raspberry Pi OS partition table (expected a FAT boot partition 1 and an ext4 root partition 2)"
  fi
  case "${boot[2]}" in b|c|e|ef|B|C|E|EF) ;; *) die "$target partition 1 is type ${boot[2]}, not FAT" ;; esac
  case "${root[2]}" in 83) ;; *) die "$target partition 2 is type ${root[2]}, not Linux" ;; esac

  boot_mode=mtools
  boot_image="$target@@$((boot[0] * 512))"
  MTOOLS_SKIP_CHECK=1 mdir -i "$boot_image" ::config.txt >/dev/null 2>&1 \
    || note "warning: no config.txt on the boot partition of $target; writing a new one"

  # A dry run still looks at the current image (read-only) so that it shows the real edits.
  local loop ro=()
  if [ "$dry_run" = 1 ]; then ro=(--read-only); fi
  loop=$(losetup --find --show "${ro[@]}" --offset $((root[0] * 512)) --sizelimit $((root[1] * 512)) "$target") \
    || die "cannot attach the root partition of $target to a loop device (needs root and /dev/loop*)"
  loops+=("$loop")
  mountpoint_dir=$(mktemp -d)
  mount -t ext4 ${ro:+-o ro} "$loop" "$mountpoint_dir" || die "cannot mount the root partition of $target ($loop) as ext4"
  apply_root=$mountpoint_dir
  apply_payload
  sync
  note "done: $target is ready; put the card in the terminal and power it on (docs/install.md, first boot)"
}

# ---------------------------------------------------------------------------------------------
# Mode 2: the same payload over SSH, applied on the device by this script.

mode2_main() {
  local dest=${cfg[ssh]} stage remote
  report_problems
  stage_dir=$(mktemp -d)
  stage=$stage_dir
  stage_payload "$stage"
  if [ "$dry_run" = 1 ]; then
    echo "+ ssh $dest mktemp -d   # -> REMOTE"
    echo "+ scp -r -p $stage/. $dest:REMOTE/"
    echo "+ ssh $dest sudo bash REMOTE/flash.sh --apply-staged REMOTE --root / --live   # which does:"
    apply_dir=$stage boot_mode=dir boot_dir=/boot/firmware
    apply_payload
    activate_live
    echo "+ ssh $dest rm -rf REMOTE"
    return 0
  fi
  remote=$(ssh -o BatchMode=yes "$dest" mktemp -d) || die "ssh $dest failed: check the address and that your key is authorised"
  [[ "$remote" =~ ^/[A-Za-z0-9._/-]+$ ]] || die "ssh $dest: unexpected temporary directory '$remote'"
  remote_dest=$dest
  remote_dir=$remote
  note "copying the payload to $dest:$remote"
  scp -q -r -p -o BatchMode=yes "$stage/." "$dest:$remote/"
  note "installing on $dest"
  ssh -o BatchMode=yes "$dest" sudo bash "$remote/flash.sh" --apply-staged "$remote" --root / --live
}

main() {
  trap cleanup EXIT
  parse_flags "$@"
  if [ -n "$apply_dir" ]; then apply_staged_main; return; fi
  merge_inputs
  if [ -n "${cfg[target]:-}" ] && [ -n "${cfg[ssh]:-}" ]; then die "give either --target (mode 1) or --ssh (mode 2), not both"; fi
  if [ -z "${cfg[target]:-}" ] && [ -z "${cfg[ssh]:-}" ]; then die "missing --target (card or image file) or --ssh (running device); see --help"; fi
  validate_inputs
  if [ -n "${cfg[target]:-}" ]; then mode1_main; else mode2_main; fi
}

main "$@"
