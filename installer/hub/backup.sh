#!/usr/bin/env bash
# backup.sh — dump the hub database (pg_dump custom format) into /var/backups/chc-hub, one file a
# night with the date in its name, keeping the newest KEEP files. Run by chc-hub-backup.service
# (chc-hub-backup.timer, 02:30) as the postgres account, or by hand:
#     sudo -u postgres /opt/chc-hub/backup.sh
#
# Settings, from the environment (set them in the service with `systemctl edit chc-hub-backup`):
#   KEEP=14                      how many dumps to keep
#   CHC_HUB_DB=chc_hub           database name
#   BACKUP_DIR=/var/backups/chc-hub   (the service may write only there: change ReadWritePaths too)
#   PGHOST, PGPORT, PGUSER       the usual libpq variables, for a database on another machine
#                                (its password in ~/.pgpass of the account that runs this)
#
# The dumps hold residents' health records: files are 0600 in a 0700 folder. Copy them off this
# machine (encrypted) as well; a dump on the hub's own disk does not survive the disk.
# The dumps do NOT hold /etc/chc-hub/hub.toml (its secret keys every workstation's credential) and
# hub.key: keep a copy of those apart, safely. Without the same secret every workstation must enrol again.
#
# Restore (as postgres, with the hub stopped):
#     systemctl stop chc-hub
#     sudo -u postgres pg_restore --clean --if-exists -d chc_hub /var/backups/chc-hub/chc_hub-2025-01-31_023000.dump
#     sudo -u chc-hub /opt/chc-hub/venv/bin/chc-hub --config /etc/chc-hub/hub.toml init   # dump from an older version
#     systemctl start chc-hub
# After restoring an older backup, every workstation's next sync finds the difference and sends
# back its own changes that the hub lost. What only the hub held since that backup is gone:
# workstations enrolled since must enrol again, revocations made since must be repeated
# (chc-hub revoke), and accounts and settings changed since must be changed again.

set -euo pipefail
umask 077

KEEP=${KEEP:-14}
DB=${CHC_HUB_DB:-chc_hub}
DIR=${BACKUP_DIR:-/var/backups/chc-hub}

[[ $KEEP =~ ^[1-9][0-9]*$ ]] || { echo "backup.sh: KEEP must be a whole number above 0 (is: $KEEP)" >&2; exit 2; }
[[ $DB =~ ^[A-Za-z0-9_]+$ ]] || { echo "backup.sh: unexpected database name: $DB" >&2; exit 2; }
mkdir -p -- "$DIR"

target="$DIR/$DB-$(date +%Y-%m-%d_%H%M%S).dump"
part="$target.part"
trap 'rm -f -- "$part"' EXIT

# -Fc: compressed, and pg_restore can restore it whole or table by table. --no-password: fail
# rather than wait for a password nobody will type.
pg_dump --format=custom --no-password --dbname="$DB" --file="$part"
pg_restore --list "$part" >/dev/null   # the archive reads back
chmod 0600 -- "$part"
mv -- "$part" "$target"
echo "backup.sh: $target ($(du -h -- "$target" | cut -f1))"

# Keep the newest KEEP dumps; the names sort by date.
find "$DIR" -maxdepth 1 -type f -name "$DB-*.dump" -printf '%f\n' | sort -r | tail -n +"$((KEEP + 1))" |
  while IFS= read -r old; do
    rm -f -- "${DIR:?}/$old"
    echo "backup.sh: removed $old"
  done
# Leftovers of runs that were killed half-way.
find "$DIR" -maxdepth 1 -type f -name "$DB-*.dump.part" -mmin +1440 -delete
