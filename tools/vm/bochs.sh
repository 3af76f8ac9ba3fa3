#!/bin/sh
# Boot KERNEL with INITRAMFS under Bochs, with CPU as the CPU model and
# APPEND as the kernel's command line, and print the serial console.
# Bochs cannot load a kernel itself: it boots a CD image that isolinux
# starts the kernel from, made in WORKDIR with Bochs's configuration and
# log. TIMEOUT (seconds) ends the VM.
# Usage: bochs.sh CPU KERNEL INITRAMFS APPEND TIMEOUT WORKDIR
set -eu

cpu=$1
kernel=$2
initramfs=$3
append=$4
timeout=$5
dir=$6

rm -rf "$dir"
mkdir -p "$dir/iso/isolinux"
cp /usr/lib/ISOLINUX/isolinux.bin /usr/lib/syslinux/modules/bios/ldlinux.c32 \
	"$dir/iso/isolinux/"
cp "$kernel" "$dir/iso/vmlinuz"
cp "$initramfs" "$dir/iso/initrd"
# Bochs has no -no-reboot: reboot by triple fault, which ends Bochs.
cat > "$dir/iso/isolinux/isolinux.cfg" <<CFG
default linux
prompt 0
label linux
  kernel /vmlinuz
  append initrd=/initrd reboot=t $append
CFG
xorriso -as mkisofs -quiet -o "$dir/boot.iso" -b isolinux/isolinux.bin \
	-c isolinux/boot.cat -no-emul-boot -boot-load-size 4 -boot-info-table \
	"$dir/iso" 2> "$dir/xorriso.log"
rm -rf "$dir/iso"

# ips is about what Bochs executes in a second here, so that the guest's
# clock runs about as fast as the host's: the default, 4 million, makes
# guest time run ten times faster, and the guest's watchdogs report soft
# lockups. The clock follows the instructions executed, not the host's.
cat > "$dir/bochsrc" <<RC
megs: 2048
cpu: model=$cpu, count=1, ips=50000000, reset_on_triple_fault=0
romimage: file=/usr/share/bochs/BIOS-bochs-latest
vgaromimage: file=/usr/share/vgabios/vgabios.bin
ata0-master: type=cdrom, path=$dir/boot.iso, status=inserted
boot: cdrom
com1: enabled=1, mode=file, dev=$dir/serial
display_library: term
speaker: enabled=0
log: $dir/bochs.log
panic: action=fatal
error: action=ignore
info: action=ignore
debug: action=ignore
RC
# Debian's Bochs is built with its debugger, which waits for a command.
echo c > "$dir/debugger"
: > "$dir/serial"

# Its only headless display, term, needs a terminal: script(1) gives it
# one, whose input is a pipe that stays open and empty.
mkfifo "$dir/keyboard"
script -qec "timeout -s KILL $timeout bochs -q -f $dir/bochsrc -rc $dir/debugger" /dev/null \
	0<> "$dir/keyboard" > "$dir/screen" 2>&1 &
bochs=$!
# Bochs writes to a file, not to the pipe, and runs in a session of its
# own: end it when this script ends, whatever ends it.
trap 'kill $bochs 2>/dev/null || true' EXIT
trap 'exit 143' INT TERM
tail -n +1 -f --pid=$bochs "$dir/serial"
wait $bochs || true
rm -f "$dir/boot.iso"
if [ ! -s "$dir/serial" ]; then
	echo "bochs.sh: no console output; the end of Bochs's log and screen:"
	tail -n 5 "$dir/bochs.log" "$dir/screen" 2>/dev/null | tr -d '\033'
fi
