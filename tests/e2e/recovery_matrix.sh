#!/usr/bin/env bash
# The recovery screen in every language at three screen sizes, on an empty, a
# damaged (with a backup on hand) and a newer-version database:
#   recovery_matrix.sh <salon-kiosk> <work dir>
# Each run asserts the title and the problem's sentence in that language, saves
# <work>/recovery-shots/<kind>_<lang>_<WxH>.png (and the password step for the
# damaged one), and checks the database file was left byte for byte as it was.
set -u
bin=$1 work=$2/recovery-matrix
rm -rf "$work" && mkdir -p "$work/shots"
export SALON_PIN_COST=min SDL_AUDIODRIVER=dummy SALON_BACKUP_COST=min
declare -A title=([zh-Hans]="收银机无法使用数据库" [zh-Hant]="收銀機無法使用資料庫" [en]="The kiosk cannot use its database")
declare -A empty=([zh-Hans]="数据库文件是空的" [zh-Hant]="資料庫檔案是空的" [en]="The database file is empty")
declare -A corrupt=([zh-Hans]="数据库文件已损坏" [zh-Hant]="資料庫檔案已損壞" [en]="The database file is damaged")
declare -A newer=([zh-Hans]="更新版本" [zh-Hant]="較新版本" [en]="newer Salon Kiosk")
declare -A password=([zh-Hans]="请输入备份密码" [zh-Hant]="請輸入備份密碼" [en]="Type the backup password")

prepare() {  # kind dir -> the database
  local kind=$1 dir=$2 db=$2/store.db
  mkdir -p "$dir"
  case $kind in
    empty) : >"$db" ;;
    corrupt)
      "$bin" demo-data --db "$db" >/dev/null || return 1
      mkdir -p "$dir/backups"
      SALON_BACKUP_PASSWORD=s3cretpw9 SALON_PIN=9999 "$bin" backup --db "$db" --staff admin \
        --to "$dir/backups/salon-20261201-093000.skbak" >/dev/null || return 1
      dd if=/dev/urandom of="$db" bs=4096 count=1 conv=notrunc 2>/dev/null ;;
    newer)
      "$bin" demo-data --db "$db" >/dev/null || return 1
      printf '\x00\x00\x03\xe7' | dd of="$db" bs=1 seek=60 conv=notrunc 2>/dev/null ;;
  esac
}

failures=0
for kind in empty corrupt newer; do
  prepare "$kind" "$work/$kind" || { echo "FAIL: cannot prepare $kind"; exit 1; }
  db=$work/$kind/store.db
  before=$(sha256sum <"$db")
  files=$(ls -A "$work/$kind")
  for lang in zh-Hans zh-Hant en; do
    for size in 800x600 1024x768 1920x1080; do
      declare -n sentence=$kind
      script=$work/$kind-$lang-$size.script
      {
        echo "expect ${title[$lang]}"
        echo "expect ${sentence[$lang]}"
        echo "shot ${kind}_${lang}_${size}"
        if [ "$kind" = corrupt ]; then
          echo "tap recovery.restore"
          echo "expect ${password[$lang]}"
          echo "shot ${kind}_${lang}_${size}_password"
        fi
      } >"$script"
      SALON_LANG=$lang timeout 60 "$bin" --db "$db" --script "$script" --shots "$work/shots" \
        --width "${size%x*}" --height "${size#*x}" >/dev/null 2>"$work/err" ||
        { echo "FAIL: $kind $lang $size: $(tail -1 "$work/err")"; failures=$((failures + 1)); continue; }
      grep -q "recovery: D" "$work/err" || { echo "FAIL: $kind $lang $size: no support code logged"; failures=$((failures + 1)); }
      unset -n sentence
    done
  done
  [ "$(sha256sum <"$db")" = "$before" ] || { echo "FAIL: $kind: the database file was changed"; failures=$((failures + 1)); }
  [ "$(ls -A "$work/$kind")" = "$files" ] ||
    { echo "FAIL: $kind: files beside the database changed: $(ls -A "$work/$kind" | tr '\n' ' ')"; failures=$((failures + 1)); }
done
echo "recovery matrix: $failures failures; shots in $work/shots"
[ "$failures" -eq 0 ]
