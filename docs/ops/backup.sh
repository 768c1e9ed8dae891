#!/usr/bin/env bash
# Backs up the licensing API: the PostgreSQL database (pg_dump, custom format) and the document file store (tar),
# into one timestamped directory with a manifest of SHA-256 sums. See docs/operations.md.
#
#   docs/ops/backup.sh --database-url postgres://user@host:5432/gis --file-store /srv/gis/files --out /backups
#
# Options may also come from the environment: DATABASE_URL, FILE_STORE_DIR, BACKUP_DIR.
# Prints the backup directory on the last line of its output.
set -euo pipefail

usage() {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 64
}

database_url="${DATABASE_URL:-}"
file_store="${FILE_STORE_DIR:-}"
out_dir="${BACKUP_DIR:-}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --database-url) database_url="${2:-}"; shift 2 ;;
    --file-store) file_store="${2:-}"; shift 2 ;;
    --out) out_dir="${2:-}"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "backup: unknown option $1" >&2; usage ;;
  esac
done
[[ -n "$database_url" && -n "$file_store" && -n "$out_dir" ]] || usage
[[ "$database_url" =~ ^postgres(ql)?:// ]] || { echo "backup: --database-url must be a postgres:// URL" >&2; exit 64; }
[[ -d "$file_store" ]] || { echo "backup: the file store $file_store does not exist" >&2; exit 66; }
for tool in pg_dump tar sha256sum; do
  command -v "$tool" >/dev/null || { echo "backup: $tool is required" >&2; exit 69; }
done

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$out_dir/gis-backup-$stamp"
[[ ! -e "$target" ]] || { echo "backup: $target already exists" >&2; exit 73; }
partial="$target.partial"
trap 'rm -rf "$partial"' EXIT
mkdir -p "$partial"

# The database first, then the files: the store is content-addressed and only ever gains files (the sweeper removes
# only files no row references, after a grace period), so every file the dump references is still there when it
# is archived a moment later. Files uploaded in between are archived too and are harmless orphans after a restore.
pg_dump --format=custom --compress=6 --no-password --file="$partial/database.dump" "$database_url"

# Content files only: <aa>/<bb>/<sha256>; the tmp/ directory holds uploads in flight, never needed.
tar --create --gzip --file="$partial/files.tar.gz" --directory="$file_store" --exclude=./tmp .

files_count="$(find "$file_store" -type f -path '*/??/??/*' | wc -l | tr -d ' ')"
{
  echo "created_at=$stamp"
  echo "database=$(basename "${database_url%%\?*}")"
  echo "files=$files_count"
  echo "pg_dump=$(pg_dump --version)"
} >"$partial/manifest.txt"
(cd "$partial" && sha256sum database.dump files.tar.gz >SHA256SUMS)

mv "$partial" "$target"
trap - EXIT
echo "backup: database and $files_count files saved"
echo "$target"
