#!/usr/bin/env bash
# scripts/test/flash-test.sh — checks scripts/flash.sh without hardware (run by FlashScriptTest in
# dist, so `scripts/dev test` runs it; needs root for loop devices).
#
# Builds a small two-partition "Raspberry Pi OS" image (sfdisk, mkfs.vfat, mkfs.ext4 -d), runs
# mode 1 against it, reads every file, mode, owner and enablement link back with debugfs and
# mtools (independently of the script's own loop mount), runs it again (idempotent), checks that
# a dry run changes nothing and that bad targets and inputs are refused, and runs mode 2 against
# stubbed ssh/scp/systemctl. Exit 0 = all passed, 1 = a check failed, 77 = cannot run here.
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
checkout=$(cd "$here/../.." && pwd)
flash=$checkout/scripts/flash.sh
export PATH="$PATH:/usr/sbin:/sbin"
export TZ=UTC MTOOLS_SKIP_CHECK=1

skip() { echo "SKIP: $*"; exit 77; }
[ "$(id -u)" = 0 ] || skip "needs root (loop devices)"
for tool in sfdisk mkfs.vfat mcopy mtype mdir mkfs.ext4 debugfs losetup xz systemd-sysusers; do
  command -v "$tool" >/dev/null 2>&1 || skip "$tool not installed"
done

work=$(mktemp -d)
mounts=()
loops=()
cleanup() {
  local m l
  for m in "${mounts[@]}"; do umount "$m" 2>/dev/null || true; done
  for l in "${loops[@]}"; do losetup -d "$l" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

failures=0
checks=0
pass() { checks=$((checks + 1)); }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAIL: $*"; }
expect_eq() { # $1 what, $2 expected, $3 actual
  if [ "$2" = "$3" ]; then pass; else fail "$1: expected [$2], got [$3]"; fi
}
expect_contains() { # $1 what, $2 needle, $3 haystack
  if [[ "$3" == *"$2"* ]]; then pass; else fail "$1: [$2] not in: $3"; fi
}
expect_true() { # $1 what, $2.. command
  local what=$1
  shift
  if "$@"; then pass; else fail "$what"; fi
}
expect_not_contains() {
  if [[ "$3" != *"$2"* ]]; then pass; else fail "$1: [$2] must not be in: $3"; fi
}

# ---------------------------------------------------------------------------------------------
# A fake Raspberry Pi OS image: FAT boot at 4 MiB (as the real images), ext4 root after it.
readonly boot_start=8192 boot_sectors=32768 root_start=40960 root_sectors=81920

make_os_image() { # $1 output .img
  local tree=$work/rootfs bootdir=$work/bootfs
  mkdir -p "$tree"/etc/systemd/system/multi-user.target.wants "$tree"/usr/lib/systemd/system \
    "$tree"/usr/bin "$tree"/var/lib "$tree"/boot/firmware "$tree"/home "$bootdir"
  printf 'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nID=debian\nVERSION_CODENAME=trixie\n' >"$tree/etc/os-release"
  printf 'root:x:0:0:root:/root:/bin/bash\nsystemd-timesync:x:997:997::/:/usr/sbin/nologin\npi:x:1000:1000::/home/pi:/bin/bash\n' >"$tree/etc/passwd"
  printf 'root:x:0:\ndialout:x:20:pi\nvideo:x:44:pi\ninput:x:105:pi\ni2c:x:994:pi\nspi:x:995:pi\nsystemd-timesync:x:997:\npi:x:1000:\n' >"$tree/etc/group"
  printf 'root:*:19000:0:99999:7:::\npi:*:19000:0:99999:7:::\n' >"$tree/etc/shadow"
  printf 'root:*::\npi:!::\n' >"$tree/etc/gshadow"
  chmod 0640 "$tree/etc/shadow" "$tree/etc/gshadow"
  echo raspberrypi >"$tree/etc/hostname"
  printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n\n127.0.1.1\t\traspberrypi\n' >"$tree/etc/hosts"
  printf '# /etc/modules: kernel modules to load at boot time.\n' >"$tree/etc/modules"
  printf '# For more options see config.txt(5)\n#dtparam=i2c_arm=on\n#dtparam=spi=on\ncamera_auto_detect=1\n\n[cm4]\notg_mode=1\n\n[all]\n' >"$bootdir/config.txt"
  printf 'console=serial0,115200 console=tty1 root=PARTUUID=0badcafe-02 rootfstype=ext4 fsck.repair=yes rootwait\n' >"$bootdir/cmdline.txt"

  rm -f "$work/boot.part" "$work/root.part"
  mkfs.vfat -C -n bootfs "$work/boot.part" $((boot_sectors / 2)) >/dev/null
  mcopy -i "$work/boot.part" "$bootdir/config.txt" "$bootdir/cmdline.txt" ::
  mkfs.ext4 -q -F -L rootfs -d "$tree" "$work/root.part" $((root_sectors / 2))k
  truncate -s $(((root_start + root_sectors) * 512)) "$1"
  printf 'label: dos\nstart=%s, size=%s, type=c\nstart=%s, size=%s, type=83\n' \
    "$boot_start" "$boot_sectors" "$root_start" "$root_sectors" | sfdisk -q "$1"
  dd if="$work/boot.part" of="$1" bs=512 seek=$boot_start conv=notrunc status=none
  dd if="$work/root.part" of="$1" bs=512 seek=$root_start conv=notrunc status=none
}

make_inputs() {
  local in=$work/site
  mkdir -p "$in/roots"
  head -c 4096 /dev/urandom >"$in/vitale-terminal.jar"
  printf -- '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAo6gz6CdvFElyqUvnSDTIXoRjv7MHGAGPuYgTLHZ+jZQ=\n-----END PUBLIC KEY-----\n' >"$in/roots/authority-2026.pem"
  printf -- '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAbackupbackupbackupbackupbackupbackupbackup=\n-----END PUBLIC KEY-----\n' >"$in/roots/backup.pem"
  head -c 300 /dev/urandom >"$in/trust-list.cose"
  printf -- '-----BEGIN CERTIFICATE-----\nY2E=\n-----END CERTIFICATE-----\n' >"$in/ca.pem"
  printf -- '-----BEGIN CERTIFICATE-----\nZGV2aWNl\n-----END CERTIFICATE-----\n' >"$in/term-01.crt"
  printf -- '-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWRldmljZS1rZXk=\n-----END PRIVATE KEY-----\n' >"$in/term-01.key"
  cat >"$in/site.conf" <<SITE
# a pharmacy's site file (paths relative to this file)
hostname = term-01
terminal.id=pharma-0042-t1
site.id=750012345
site.kind=pharmacy
mqtt.url=ssl://broker.example:8883
mqtt.ca=ca.pem
mqtt.cert=term-01.crt
mqtt.key=term-01.key
trust.roots=roots/authority-2026.pem, roots/backup.pem
trust.list=trust-list.cose
jar=vitale-terminal.jar
clock.seed=2026-03-01 12:00:00
SITE
}

# --- reading the result back, independently of flash.sh --------------------------------------
root_part() { # extract the root partition of $1 for debugfs
  dd if="$1" of="$work/inspect.part" bs=512 skip=$root_start count=$root_sectors status=none
}
rstat() { # "MODE UID GID" of a path in the extracted root partition
  debugfs -R "stat $1" "$work/inspect.part" 2>/dev/null |
    awk '/Mode:/ { for (i = 1; i <= NF; i++) { if ($i == "Mode:") m = $(i+1) } }
         /User:/ { for (i = 1; i <= NF; i++) { if ($i == "User:") u = $(i+1); if ($i == "Group:") g = $(i+1) } }
         END { if (m != "") print m, u, g }'
}
rcat() { debugfs -R "cat $1" "$work/inspect.part" 2>/dev/null; }
rlink() { debugfs -R "stat $1" "$work/inspect.part" 2>/dev/null | sed -n 's/^Fast link dest: "\(.*\)"$/\1/p'; }
rmtime() { debugfs -R "stat $1" "$work/inspect.part" 2>/dev/null | sed -n 's/^ *mtime: 0x[0-9a-f]*\(:[0-9a-f]*\)\{0,1\} -- //p'; }
bcat() { mtype -i "$1@@$((boot_start * 512))" "::$2" | tr -d '\r'; }
# Everything flash.sh may touch, as one text: for idempotency and dry-run comparisons.
manifest() { # $1 image
  local p
  root_part "$1"
  for p in /etc/passwd /etc/group /etc/hostname /etc/hosts /etc/modules /etc/fake-hwclock.data \
    /etc/vitale-terminal/terminal.properties /etc/vitale-terminal/device.key /etc/vitale-terminal/device.crt \
    /usr/lib/vitale-terminal/vitale-terminal.jar /usr/bin/vitale-terminal; do
    echo "$p $(rstat "$p") $(rcat "$p" | md5sum)"
  done
  debugfs -R "ls -l /etc/vitale-terminal/roots" "$work/inspect.part" 2>/dev/null | awk '{ print $NF }' | sort
  bcat "$1" config.txt
  bcat "$1" cmdline.txt
}

make_inputs
make_os_image "$work/os.img"
xz -T1 -0 -k "$work/os.img"
card=$work/card.img
site=$work/site/site.conf

# ---------------------------------------------------------------------------------------------
echo "== mode 1: write the image (dd, from .img.xz) and configure it"
if out=$("$flash" --site "$site" --image "$work/os.img.xz" --target "$card" --writer dd 2>&1); then pass
else fail "mode 1 run failed: $out"; fi
root_part "$card"

uid=$(rcat /etc/passwd | awk -F: '$1 == "vitale-terminal" { print $3 }')
gid=$(rcat /etc/passwd | awk -F: '$1 == "vitale-terminal" { print $4 }')
expect_true "service user is a system user: [$uid]" test -n "$uid" -a "${uid:-0}" -gt 0 -a "${uid:-0}" -lt 1000
expect_eq "passwd line" "vitale-terminal:x:$uid:$gid:Vitale terminal service:/var/lib/vitale-terminal:/usr/sbin/nologin" \
  "$(rcat /etc/passwd | grep '^vitale-terminal:')"
for group in i2c spi gpio video dialout input; do
  expect_contains "group $group members" "vitale-terminal" "$(rcat /etc/group | grep "^$group:")"
done
expect_contains "existing member kept" "pi" "$(rcat /etc/group | grep '^video:')"

check_file() { # $1 path, $2 mode, $3 owner uid, $4 gid, [$5 expected content file]
  expect_eq "$1 mode/owner" "$2 $3 $4" "$(rstat "$1")"
  if [ $# -ge 5 ]; then
    if cmp -s <(rcat "$1") "$5"; then pass; else fail "$1 content differs from $5"; fi
  fi
}
check_file /usr/lib/vitale-terminal/vitale-terminal.jar 0644 0 0 "$work/site/vitale-terminal.jar"
check_file /usr/bin/vitale-terminal 0755 0 0 "$checkout/scripts/vitale-terminal"
check_file /usr/lib/vitale-terminal/firstboot 0755 0 0 "$checkout/systemd/firstboot"
check_file /usr/lib/systemd/system/vitale-terminal.service 0644 0 0 "$checkout/systemd/vitale-terminal.service"
check_file /usr/lib/systemd/system/vitale-terminal-firstboot.service 0644 0 0 "$checkout/systemd/vitale-terminal-firstboot.service"
check_file /usr/lib/sysusers.d/vitale-terminal.conf 0644 0 0 "$checkout/systemd/sysusers.d/vitale-terminal.conf"
check_file /usr/lib/tmpfiles.d/vitale-terminal.conf 0644 0 0 "$checkout/systemd/tmpfiles.d/vitale-terminal.conf"
check_file /usr/lib/udev/rules.d/99-vitale-terminal.rules 0644 0 0 "$checkout/systemd/udev/99-vitale-terminal.rules"
check_file /etc/vitale-terminal/roots/authority-2026.pem 0644 0 0 "$work/site/roots/authority-2026.pem"
check_file /etc/vitale-terminal/roots/backup.pem 0644 0 0 "$work/site/roots/backup.pem"
check_file /etc/vitale-terminal/trust-list.cose 0644 0 0 "$work/site/trust-list.cose"
check_file /etc/vitale-terminal/mqtt-ca.pem 0644 0 0 "$work/site/ca.pem"
check_file /etc/vitale-terminal/device.crt 0644 0 0 "$work/site/term-01.crt"
check_file /etc/vitale-terminal/device.key 0600 "$uid" "$gid" "$work/site/term-01.key"
expect_contains "java package for first boot" "VITALE_TERMINAL_JAVA_PACKAGE=openjdk-21-jre-headless" \
  "$(rcat /etc/systemd/system/vitale-terminal-firstboot.service.d/java-package.conf)"

props=$(rcat /etc/vitale-terminal/terminal.properties)
expect_eq "terminal.properties mode" "0644 0 0" "$(rstat /etc/vitale-terminal/terminal.properties)"
for line in terminal.id=pharma-0042-t1 site.id=750012345 site.kind=pharmacy state.dir=/var/lib/vitale-terminal \
  'trust.roots=/etc/vitale-terminal/roots/*.pem' trust.list=/etc/vitale-terminal/trust-list.cose \
  mqtt.url=ssl://broker.example:8883 mqtt.key=/etc/vitale-terminal/device.key \
  mqtt.cert=/etc/vitale-terminal/device.crt mqtt.ca=/etc/vitale-terminal/mqtt-ca.pem \
  indicator=gpio:green=17,red=27,buzzer=18 nfc.reader=pn532:i2c:1:0x24 demo=false; do
  if grep -qxF -- "$line" <<<"$props"; then pass; else fail "terminal.properties lacks $line"; fi
done

expect_eq "hostname" "term-01" "$(rcat /etc/hostname)"
expect_eq "hosts 127.0.1.1" "127.0.1.1	term-01" "$(rcat /etc/hosts | grep '^127.0.1.1')"
expect_not_contains "old hostname gone" "raspberrypi" "$(rcat /etc/hosts)"
expect_eq "i2c-dev module" "1" "$(rcat /etc/modules | grep -cx i2c-dev)"
expect_eq "fake-hwclock seed" "2026-03-01 12:00:00" "$(rcat /etc/fake-hwclock.data)"
expect_contains "timesyncd clock mtime" "Sun Mar  1 12:00:00 2026" "$(rmtime /var/lib/systemd/timesync/clock)"
for unit in vitale-terminal.service vitale-terminal-firstboot.service; do
  expect_eq "enablement link $unit" "/usr/lib/systemd/system/$unit" \
    "$(rlink "/etc/systemd/system/multi-user.target.wants/$unit")"
done

config=$(bcat "$card" config.txt)
for line in dtparam=i2c_arm=on dtparam=spi=on enable_uart=1 camera_auto_detect=1 '[all]'; do
  if grep -qxF -- "$line" <<<"$config"; then pass; else fail "config.txt lacks $line"; fi
done
expect_contains "config.txt keeps its own sections" "otg_mode=1" "$config"
expect_eq "config.txt block at the end" "# <<< vitale-terminal" "$(tail -n 1 <<<"$config")"
expect_contains "cmdline.txt untouched for an I2C reader" "console=serial0,115200" "$(bcat "$card" cmdline.txt)"
# Nothing secret on the FAT partition: only the two files it had.
expect_eq "boot partition files" "cmdline.txt config.txt" \
  "$(mdir -b -i "$card@@$((boot_start * 512))" :: | sed 's|^::/||' | sort | xargs)"
if mtype -i "$card@@$((boot_start * 512))" ::config.txt ::cmdline.txt | grep -q 'PRIVATE KEY'; then
  fail "a private key on the boot partition"
else pass; fi

# ---------------------------------------------------------------------------------------------
echo "== mode 1 again on the configured card (--skip-write): same result"
before=$(manifest "$card")
if out=$("$flash" --site "$site" --target "$card" --skip-write 2>&1); then pass; else fail "second run failed: $out"; fi
after=$(manifest "$card")
if [ "$before" = "$after" ]; then pass; else fail "second run changed the card: $(diff <(echo "$before") <(echo "$after"))"; fi
expect_eq "one service user" "1" "$(root_part "$card"; rcat /etc/passwd | grep -c '^vitale-terminal:')"
expect_eq "one config.txt block" "1" "$(bcat "$card" config.txt | grep -c '^dtparam=spi=on')"

echo "== mode 1 twice from scratch gives the same card"
cp "$card" "$work/first.img"
if out=$("$flash" --site "$site" --image "$work/os.img" --target "$card" 2>&1); then pass; else fail "rewrite failed: $out"; fi
expect_eq "rewritten card manifest" "$(manifest "$work/first.img")" "$(manifest "$card")"

echo "== a changed site: UART reader, one root dropped, Wi-Fi"
if out=$("$flash" --site "$site" --target "$card" --skip-write --nfc-reader pn532:uart:/dev/serial0 \
  --trust-root "$work/site/roots/backup.pem" --wifi-ssid Pharmacie --wifi-psk 's3cret pass' 2>&1); then pass
else fail "reconfigure failed: $out"; fi
root_part "$card"
expect_not_contains "serial console removed for a UART reader" "console=serial0" "$(bcat "$card" cmdline.txt)"
expect_contains "rest of cmdline kept" "console=tty1 root=PARTUUID=0badcafe-02" "$(bcat "$card" cmdline.txt)"
expect_contains "wifi country for the kernel" "rootwait cfg80211.ieee80211_regdom=FR" "$(bcat "$card" cmdline.txt)"
expect_eq "cmdline stays one line" "1" "$(bcat "$card" cmdline.txt | wc -l)"
expect_eq "dropped root no longer trusted" "" "$(rstat /etc/vitale-terminal/roots/authority-2026.pem)"
expect_eq "kept root" "0644 0 0" "$(rstat /etc/vitale-terminal/roots/backup.pem)"
wifi=/etc/NetworkManager/system-connections/vitale-terminal-wifi.nmconnection
expect_eq "wifi profile private" "0600 0 0" "$(rstat "$wifi")"
expect_contains "wifi psk" "psk=s3cret pass" "$(rcat "$wifi")"
if mtype -i "$card@@$((boot_start * 512))" ::config.txt ::cmdline.txt | grep -q 's3cret'; then
  fail "the Wi-Fi passphrase on the boot partition"; else pass; fi

# ---------------------------------------------------------------------------------------------
echo "== dry run changes nothing"
sum=$(md5sum <"$card")
if out=$("$flash" --site "$site" --target "$card" --skip-write --dry-run --hostname other 2>&1); then pass
else fail "dry run failed: $out"; fi
expect_eq "card unchanged by dry run" "$sum" "$(md5sum <"$card")"
expect_contains "dry run shows the key install" "install -D -m 0600 -o $uid -g $gid" "$out"
expect_contains "dry run shows the hostname edit" "/etc/hostname" "$out"
expect_contains "dry run shows the enablement link" "multi-user.target.wants/vitale-terminal.service" "$out"
if out=$("$flash" --site "$site" --image "$work/os.img.xz" --target "$work/new.img" --writer dd --dry-run 2>&1); then pass
else fail "dry run with image failed: $out"; fi
expect_contains "dry run shows the write" "xz -dc $work/os.img.xz | dd of=$work/new.img" "$out"
if command -v bmaptool >/dev/null 2>&1; then
  out=$("$flash" --site "$site" --image "$work/os.img.xz" --target "$work/new.img" --dry-run 2>&1) || true
  expect_contains "dry run shows bmaptool" "bmaptool copy --nobmap $work/os.img.xz $work/new.img" "$out"
fi
expect_true "dry run created no target" test ! -e "$work/new.img"

# ---------------------------------------------------------------------------------------------
echo "== refusals"
refused() { # $1 what, $2 expected message part, $3.. flash.sh arguments
  local what=$1 message=$2 out rc=0
  shift 2
  out=$("$flash" "$@" 2>&1) || rc=$?
  expect_eq "$what: exit status" 2 "$rc"
  expect_contains "$what: message" "$message" "$out"
}
sum=$(md5sum <"$card")
grep -v '^mqtt.key' "$site" | grep -v '^site.kind' >"$work/site/incomplete.conf"
refused "missing inputs" "missing mqtt.key (site file key mqtt.key, or flag --device-key)" \
  --site "$work/site/incomplete.conf" --image "$work/os.img" --target "$card"
refused "all problems at once" "missing site.kind" --site "$work/site/incomplete.conf" --image "$work/os.img" --target "$card"
refused "missing file" "mqtt.ca: file $work/site/nope.pem not found" \
  --site "$site" --mqtt-ca "$work/site/nope.pem" --image "$work/os.img" --target "$card"
refused "bad site kind" "site.kind: 'shop' is not one of" --site "$site" --site-kind shop --image "$work/os.img" --target "$card"
refused "bad hostname" "hostname: 'Term_01' is not a host name" --site "$site" --hostname Term_01 --image "$work/os.img" --target "$card"
printf 'hostname=x\nmqtt.pasword=oops\n' >"$work/site/typo.conf"
refused "unknown site key" "typo.conf:2: unknown key 'mqtt.pasword'" --site "$work/site/typo.conf" --target "$card"
refused "not a key=value line" "expected key=value" --site <(echo "just words") --target "$card"
refused "missing image" "image: file $work/none.img not found" --site "$site" --image "$work/none.img" --target "$card"
refused "no target" "missing --target" --site "$site" --image "$work/os.img"
refused "both modes" "either --target" --site "$site" --image "$work/os.img" --target "$card" --ssh pi@term
refused "target is the image" "is the source image itself" --site "$site" --image "$work/os.img" --target "$work/os.img"
refused "absent device" "does not exist" --site "$site" --image "$work/os.img" --target /dev/vitale-no-such-card --yes
truncate -s 1M "$work/blank.img"
refused "no partition table" "no Raspberry Pi OS partition table" --site "$site" --target "$work/blank.img" --skip-write

# A mounted image file (its root partition on a loop device) and a mounted block device.
loop=$(losetup --find --show --offset $((root_start * 512)) --sizelimit $((root_sectors * 512)) "$card")
loops+=("$loop")
mkdir -p "$work/mnt"
mount -o ro "$loop" "$work/mnt"
mounts+=("$work/mnt")
refused "mounted image file" "is mounted through $loop" --site "$site" --image "$work/os.img" --target "$card"
refused "mounted block device" "is mounted" --site "$site" --image "$work/os.img" --target "$loop" --yes
umount "$work/mnt"
mounts=()
losetup -d "$loop"
loops=()
expect_eq "refusals left the card alone" "$sum" "$(md5sum <"$card")"

# ---------------------------------------------------------------------------------------------
echo "== mode 2: over (stubbed) ssh to a running device"
stubs=$work/stubs
device=$work/device
mkdir -p "$stubs" "$device/root" "$device/boot"
cp -a "$work/rootfs/." "$device/root/"
printf '#dtparam=spi=on\n[all]\n' >"$device/boot/config.txt"
log=$work/remote.log
: >"$log"
# ssh: `mktemp -d` makes a local "remote" folder; the install command runs here against the fake
# device root (its --root / and boot folder swapped); anything else runs as is (rm -rf).
cat >"$stubs/ssh" <<STUB
#!/usr/bin/env bash
args=()
while [ \$# -gt 0 ]; do case "\$1" in -o) shift 2 ;; *) args+=("\$1"); shift ;; esac; done
echo "ssh \${args[*]}" >>"$log"
host=\${args[0]}; cmd=("\${args[@]:1}")
[ "\$host" = pi@term-01 ] || { echo "ssh: no route to \$host" >&2; exit 255; }
case "\${cmd[*]}" in
  "mktemp -d") d="$work/remote-tmp.\$\$"; mkdir -p "\$d"; echo "\$d" ;;
  sudo\ bash\ *--apply-staged*)
    run=("\${cmd[@]:1}")
    for i in "\${!run[@]}"; do [ "\${run[\$i]}" = --root ] && run[\$((i + 1))]="$device/root"; done
    exec "\${run[@]}" --boot "$device/boot" ;;
  *) exec "\${cmd[@]}" ;;
esac
STUB
cat >"$stubs/scp" <<STUB
#!/usr/bin/env bash
args=()
while [ \$# -gt 0 ]; do case "\$1" in -o) shift 2 ;; -q|-r|-p) shift ;; *) args+=("\$1"); shift ;; esac; done
echo "scp \${args[*]}" >>"$log"
cp -a "\${args[0]}" "\${args[1]#*:}"
STUB
for tool in systemctl udevadm systemd-tmpfiles systemd-sysusers hostname; do
  printf '#!/bin/sh\necho "%s $*" >>"%s"\n' "$tool" "$log" >"$stubs/$tool"
done
chmod +x "$stubs"/*
if out=$(PATH="$stubs:$PATH" "$flash" --site "$site" --ssh pi@term-01 2>&1); then pass
else fail "mode 2 failed: $out"; fi
calls=$(cat "$log")
expect_contains "mktemp on the device" "ssh pi@term-01 mktemp -d" "$calls"
expect_contains "payload copied" "/. pi@term-01:$work/remote-tmp." "$(grep '^scp ' <<<"$calls")"
expect_contains "installed by the same script as root" "--apply-staged $work/remote-tmp." "$calls"
expect_contains "user created live" "systemd-sysusers" "$calls"
expect_contains "tmpfiles applied" "systemd-tmpfiles --create /usr/lib/tmpfiles.d/vitale-terminal.conf" "$calls"
expect_contains "udev reloaded" "udevadm control --reload-rules" "$calls"
expect_contains "units reloaded" "systemctl daemon-reload" "$calls"
expect_contains "first boot helper started" "systemctl enable --now vitale-terminal-firstboot.service" "$calls"
expect_contains "service enabled" "systemctl enable vitale-terminal.service" "$calls"
expect_contains "service restarted" "systemctl restart vitale-terminal.service" "$calls"
expect_contains "remote folder removed" "rm -rf $work/remote-tmp." "$calls"
expect_eq "remote temporary folder removed" "" "$(compgen -G "$work/remote-tmp.*" || true)"
if cmp -s "$device/root/etc/vitale-terminal/device.key" "$work/site/term-01.key"; then pass; else fail "mode 2 key"; fi
expect_eq "mode 2 key mode" "600" "$(stat -c %a "$device/root/etc/vitale-terminal/device.key")"
expect_eq "mode 2 hostname" "term-01" "$(cat "$device/root/etc/hostname")"
expect_contains "mode 2 config.txt" "dtparam=i2c_arm=on" "$(cat "$device/boot/config.txt")"
expect_true "mode 2 enablement link" test -L "$device/root/etc/systemd/system/multi-user.target.wants/vitale-terminal.service"
PATH="$stubs:$PATH" refused "unreachable device" "ssh pi@nowhere failed" --site "$site" --ssh pi@nowhere

echo "== mode 2 dry run"
: >"$log"
if out=$(PATH="$stubs:$PATH" "$flash" --site "$site" --ssh pi@term-01 --dry-run 2>&1); then pass
else fail "mode 2 dry run failed: $out"; fi
expect_eq "dry run contacted nobody" "" "$(cat "$log")"
expect_contains "dry run shows the remote install" "systemctl enable --now vitale-terminal-firstboot.service" "$out"

echo "$checks checks, $failures failed"
[ "$failures" = 0 ]
