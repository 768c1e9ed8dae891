#!/usr/bin/env bash
# Restores a backup made by docs/ops/backup.sh: checks the SHA-256 sums, creates the database and restores the dump
# into it, and unpacks the file store. Refuses to overwrite a database that has tables or a file store that has
# files, unless --force (which drops and recreates the database and unpacks over the store). See docs/operations.md.
#
#   docs/ops/restore.sh --backup /backups/gis-backup-20260301T020000Z \
#     --database-url postgres://user@host:5432/gis --file-store /srv/gis/files [--force]
#
# Stop the servers that use the target first. The connecting role must be allowed to create databases.
set -euo pipefail

usage() {
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 64
}

backup=""
database_url="${DATABASE_URL:-}"
file_store="${FILE_STORE_DIR:-}"
force=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --backup) backup="${2:-}"; shift 2 ;;
    --database-url) database_url="${2:-}"; shift 2 ;;
    --file-store) file_store="${2:-}"; shift 2 ;;
    --force) force=1; shift ;;
    -h|--help) usage ;;
    *) echo "restore: unknown option $1" >&2; usage ;;
  esac
done
[[ -n "$backup" && -n "$database_url" && -n "$file_store" ]] || usage
[[ "$database_url" =~ ^postgres(ql)?:// ]] || { echo "restore: --database-url must be a postgres:// URL" >&2; exit 64; }
for f in database.dump files.tar.gz SHA256SUMS; do
  [[ -f "$backup/$f" ]] || { echo "restore: $backup/$f is missing: not a backup directory" >&2; exit 66; }
done
for tool in psql pg_restore tar sha256sum; do
  command -v "$tool" >/dev/null || { echo "restore: $tool is required" >&2; exit 69; }
done

(cd "$backup" && sha256sum --quiet --check SHA256SUMS) || { echo "restore: checksum mismatch in $backup" >&2; exit 65; }

# postgres://user@host:5432/name?opts → the database name, and the same URL on the maintenance database.
base="${database_url%%\?*}"
query=""
[[ "$database_url" == *\?* ]] && query="?${database_url#*\?}"
dbname="${base##*/}"
[[ "$dbname" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { echo "restore: unsupported database name '$dbname'" >&2; exit 64; }
maintenance_url="${base%/*}/postgres$query"

exists="$(psql "$maintenance_url" -XAtqc "SELECT 1 FROM pg_database WHERE datname = '$dbname'")"
if [[ "$exists" == "1" ]]; then
  tables="$(psql "$database_url" -XAtqc \
    "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")"
  if [[ "$tables" != "0" ]]; then
    if [[ "$force" != "1" ]]; then
      echo "restore: the database $dbname is not empty ($tables tables); use --force to replace it" >&2
      exit 73
    fi
    echo "restore: --force: dropping the database $dbname"
    psql "$maintenance_url" -XAtq -v ON_ERROR_STOP=1 -c "DROP DATABASE \"$dbname\" WITH (FORCE)"
    exists=""
  fi
fi
if [[ -d "$file_store" ]] && [[ -n "$(find "$file_store" -mindepth 1 -not -path "$file_store/tmp*" -print -quit)" ]]; then
  if [[ "$force" != "1" ]]; then
    echo "restore: the file store $file_store is not empty; use --force to unpack over it" >&2
    exit 73
  fi
  # Content-addressed: a file of the same name has the same bytes, so unpacking over the store is safe.
  echo "restore: --force: unpacking over the file store $file_store"
fi

[[ "$exists" == "1" ]] || psql "$maintenance_url" -XAtq -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$dbname\""
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$database_url" "$backup/database.dump"

mkdir -p "$file_store"
tar --extract --gzip --file="$backup/files.tar.gz" --directory="$file_store" --no-same-owner

files_count="$(find "$file_store" -type f -path '*/??/??/*' | wc -l | tr -d ' ')"
echo "restore: database $dbname restored, $files_count files in $file_store"
