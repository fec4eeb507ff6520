#!/usr/bin/env bash
# install.sh — install or upgrade the CHC Desktop hub server (chc-hub) on Debian or Ubuntu, with
# its PostgreSQL database on the same machine. Run as root, from a copy of the repository:
#
#     sudo installer/hub/install.sh [NAME ...]
#
# NAME: the host names and IP addresses the workstations use to reach the hub. They go into the
# hub's TLS certificate, which is made on the first run only (default: `hostname -f` and the first
# address of `hostname -I`). Workstations pin the certificate's fingerprint when they enrol, so an
# existing certificate is never replaced: to change names, remove /etc/chc-hub/hub.crt and hub.key
# yourself and enrol every workstation again.
#
# What it does, each step only when not done yet:
#   1. system packages: python3-venv, postgresql (apt-get)
#   2. Unix account chc-hub (system account, no login, no home)
#   3. /opt/chc-hub/venv with CHC Desktop and its `hub` extra, from this repository
#   4. /etc/chc-hub (root:chc-hub, 0750)
#   5. PostgreSQL role and database chc_hub (postgresql-role.sql), and the two pg_hba.conf /
#      pg_ident.conf lines that let the Unix account chc-hub log in as role chc_hub (peer)
#   6. chc-hub init: the hub's tables and reference data, and /etc/chc-hub/hub.toml with a new
#      secret (0600, chc-hub). On a later run: chc-hub init upgrades the tables instead.
#   7. the TLS certificate (chc-hub cert) and its two lines in hub.toml's [server] table
#   8. the systemd units: chc-hub.service, and the nightly backup (backup.sh, chc-hub-backup.timer)
#   9. start, wait for GET /health, print the fingerprint and what to do next
#
# Run it again after updating the repository (git pull) to upgrade: the service is stopped,
# the package reinstalled, the database upgraded, and the service started. The configuration,
# the secret and the certificate are kept. Nothing here prints the secret or a password.
#
# For a database on another machine or a reverse proxy in front of the hub, see README.md: this
# script sets up the plain case.

set -euo pipefail
umask 022   # the venv must be readable by chc-hub; secret files get their own modes below

SERVICE_USER=chc-hub
PREFIX=/opt/chc-hub
VENV=$PREFIX/venv
CHC_HUB=$VENV/bin/chc-hub
CONF_DIR=/etc/chc-hub
CONFIG=$CONF_DIR/hub.toml
CERT=$CONF_DIR/hub.crt
KEY=$CONF_DIR/hub.key
DB_ROLE=chc_hub
DB_NAME=chc_hub
DB_URL="postgresql://$DB_ROLE@/$DB_NAME"
BACKUP_DIR=/var/backups/chc-hub
UNIT_DIR=/etc/systemd/system
PY=${PYTHON:-/usr/bin/python3}   # the system Python: the service account must be able to run it

HBA_LINE="local   $DB_NAME   $DB_ROLE                 peer map=$DB_ROLE"
IDENT_LINE="$DB_ROLE    $SERVICE_USER          $DB_ROLE"
MARK="# CHC Desktop hub (installer/hub/install.sh): Unix account $SERVICE_USER logs in as role $DB_ROLE"

say() { printf '\n== %s\n' "$*"; }
note() { printf '   %s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

# Temporary files and folders, removed on exit whatever happens (one may hold a new secret).
CLEANUP=()
cleanup() { if ((${#CLEANUP[@]})); then rm -rf -- "${CLEANUP[@]}"; fi; }
trap cleanup EXIT

# A command as another account, with a clean environment: root's PG* or CHC_HUB_* variables
# must not change which database or configuration it uses.
as_user() {
  local user=$1
  shift
  runuser -u "$user" -- env -i PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 HOME=/ "$@"
}
hub() { as_user "$SERVICE_USER" "$CHC_HUB" "$@"; }
psql_admin() { as_user postgres psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }
sql_value() { psql_admin -tA -c "$1"; }

# STAGE: a new folder inside /etc/chc-hub that only chc-hub can use, for files chc-hub writes
# (it cannot write to /etc/chc-hub itself); they are then moved into place, keeping owner and mode.
new_stage() {
  STAGE=$(mktemp -d "$CONF_DIR/.install.XXXXXX")
  CLEANUP+=("$STAGE")
  chown "$SERVICE_USER:$SERVICE_USER" "$STAGE"
}

# Rewrite a file in place (same inode, owner and mode) from a temporary copy.
replace_content() {
  local file=$1 new=$2
  cat -- "$new" >"$file"
  rm -f -- "$new"
}

# Keep one copy of a configuration file as it was before this script first changed it.
keep_original() {
  [[ -e $1.before-chc-hub ]] || cp -p -- "$1" "$1.before-chc-hub"
}

# One value of hub.toml's [server] table (never the secret), or the default given.
server_setting() {
  "$VENV/bin/python" - "$CONFIG" "$1" "$2" <<'PY'
import sys, tomllib
with open(sys.argv[1], "rb") as fh:
    value = tomllib.load(fh).get("server", {}).get(sys.argv[2], sys.argv[3])
print(str(value).lower() if isinstance(value, bool) else value)
PY
}

check_system() {
  [[ $EUID -eq 0 ]] || die "run as root: sudo $0 $*"
  command -v apt-get >/dev/null || die "this script is for Debian or Ubuntu (apt-get not found)"
  if ! command -v systemctl >/dev/null || [[ ! -d /run/systemd/system ]]; then
    die "systemd is not running"
  fi
  grep -q '^name = "chc-desktop"' "$REPO/pyproject.toml" 2>/dev/null ||
    die "$REPO is not the CHC Desktop repository (run the script from inside it)"
}

install_packages() {
  say "System packages"
  if command -v "$PY" >/dev/null; then check_python; fi
  local missing=()
  command -v "$PY" >/dev/null || missing+=(python3)
  "$PY" -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
  command -v pg_lsclusters >/dev/null || missing+=(postgresql)
  if ((${#missing[@]})); then
    note "installing: ${missing[*]}"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  else
    note "present"
  fi
  check_python
}

check_python() {
  "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
    die "CHC Desktop needs Python 3.11 or newer ($("$PY" --version 2>&1)); Debian 12 and Ubuntu 24.04 have it, or set PYTHON=/usr/bin/python3.X"
}

create_account() {
  say "Service account $SERVICE_USER"
  getent group "$SERVICE_USER" >/dev/null || groupadd --system "$SERVICE_USER"
  if id -u "$SERVICE_USER" >/dev/null 2>&1; then
    note "present"
  else
    useradd --system --gid "$SERVICE_USER" --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin --comment "CHC Desktop hub server" "$SERVICE_USER"
    note "created"
  fi
}

install_program() {
  say "Program in $VENV"
  if systemctl is-active --quiet chc-hub.service; then
    note "stopping chc-hub for the upgrade (workstations retry on their own)"
    systemctl stop chc-hub.service
  fi
  install -d -o root -g root -m 0755 "$PREFIX"
  [[ -x $VENV/bin/python ]] || "$PY" -m venv "$VENV"
  # Build from a clean copy of the sources: setuptools would otherwise leave root-owned build/
  # folders in the repository, and files deleted since an earlier build would be packaged again.
  local src
  src=$(mktemp -d)
  CLEANUP+=("$src")
  tar -C "$REPO" --exclude=__pycache__ --exclude='*.egg-info' -cf - pyproject.toml README.md src |
    tar -C "$src" -xf -
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-cache-dir "${src}[hub]"
  note "$("$VENV/bin/pip" --disable-pip-version-check show chc-desktop | grep '^Version:')"
  install_reference_data
}

# chc-hub init seeds the district's sites from resources/reference/*.csv, which the package does
# not contain yet: chc_desktop.config.resources_dir() looks beside the installed package (for a
# venv: $VENV/lib/python3.X/resources). Copy the files there; once the package carries them
# itself, resources_dir() points elsewhere and nothing is copied.
install_reference_data() {
  local res
  res=$("$VENV/bin/python" -c 'from chc_desktop.config import resources_dir; print(resources_dir())')
  if [[ $res == "$VENV"/lib/python*/resources ]]; then
    rm -rf -- "$res/reference"
    install -d -m 0755 "$res"
    cp -R -- "$REPO/resources/reference" "$res/reference"
    chmod -R u=rwX,go=rX "$res/reference"
    note "reference data copied to $res/reference"
  elif [[ ! -d $res/reference ]]; then
    die "reference data not found in $res/reference"
  fi
}

make_config_dir() {
  install -d -o root -g "$SERVICE_USER" -m 0750 "$CONF_DIR"
  chown root:"$SERVICE_USER" "$CONF_DIR"
  chmod 0750 "$CONF_DIR"
}

# The unit's StateDirectory, made now too: `chc-hub snapshot` may run before the service first
# starts. It holds the sites' snapshots (a street's health files): the service account's alone.
make_state_dir() {
  install -d -o "$SERVICE_USER" -g "$SERVICE_USER" -m 0700 /var/lib/chc-hub
}

setup_database() {
  say "PostgreSQL role and database $DB_NAME"
  systemctl is-active --quiet postgresql.service || systemctl start postgresql.service
  sql_value 'SELECT 1' >/dev/null || die "the local PostgreSQL does not answer (pg_lsclusters)"
  if [[ $(sql_value "SELECT count(*) FROM pg_roles WHERE rolname = '$DB_ROLE'") == 1 &&
        $(sql_value "SELECT count(*) FROM pg_database WHERE datname = '$DB_NAME'") == 1 ]]; then
    note "present"
  else
    psql_admin <"$HERE/postgresql-role.sql"
    note "created (postgresql-role.sql)"
  fi

  local hba ident changed=0 tmp
  hba=$(sql_value 'SHOW hba_file')
  ident=$(sql_value 'SHOW ident_file')
  if ! grep -Eq "^[[:space:]]*${DB_ROLE}[[:space:]]+${SERVICE_USER}[[:space:]]+${DB_ROLE}[[:space:]]*$" "$ident"; then
    keep_original "$ident"
    printf '%s\n%s\n' "$MARK" "$IDENT_LINE" >>"$ident"
    note "added to $ident: $IDENT_LINE"
    changed=1
  fi
  if ! grep -Eq "^[[:space:]]*local[[:space:]]+${DB_NAME}[[:space:]]+${DB_ROLE}[[:space:]]" "$hba"; then
    keep_original "$hba"
    # Above the first rule: PostgreSQL uses the first line that matches.
    tmp=$(mktemp)
    awk -v mark="$MARK" -v rule="$HBA_LINE" '
      !done && $0 !~ /^[[:space:]]*(#|$)/ { print mark; print rule; print ""; done = 1 }
      { print }
      END { if (!done) { print mark; print rule } }' "$hba" >"$tmp"
    replace_content "$hba" "$tmp"
    note "added to $hba: $HBA_LINE"
    changed=1
  fi
  if ((changed)); then
    sql_value 'SELECT pg_reload_conf()' >/dev/null
    [[ $(sql_value 'SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL') == 0 ]] ||
      die "$hba has errors (SELECT * FROM pg_hba_file_rules WHERE error IS NOT NULL)"
  fi
  as_user "$SERVICE_USER" psql -X -q -tA -d "$DB_URL" -c 'SELECT 1' >/dev/null ||
    die "the account $SERVICE_USER cannot log in to $DB_NAME: check $hba and $ident"
  note "the account $SERVICE_USER logs in as role $DB_ROLE"
}

init_hub() {
  if [[ -e $CONFIG ]]; then
    say "Upgrading the hub database (chc-hub init)"
    chown "$SERVICE_USER:$SERVICE_USER" "$CONFIG"
    chmod 0600 "$CONFIG"
    hub --config "$CONFIG" init
  else
    say "Creating the hub database and $CONFIG (chc-hub init)"
    new_stage
    hub init --database "$DB_URL" --snapshots /var/lib/chc-hub/snapshots --write-config "$STAGE/hub.toml" | sed "s#$STAGE/hub.toml#$CONFIG#g"
    mv -- "$STAGE/hub.toml" "$CONFIG"   # stays chc-hub:chc-hub, 0600
  fi
}

make_certificate() {
  if [[ $(server_setting behind_proxy false) == true ]]; then
    say "TLS certificate"
    note "behind_proxy = true in $CONFIG: TLS ends at the reverse proxy; no certificate made"
    return
  fi
  if [[ -e $CERT && -e $KEY ]]; then
    say "TLS certificate"
    note "keeping $CERT (workstations have pinned its fingerprint)"
    (($#)) && note "the names given ($*) are not used: the certificate exists"
  elif [[ -e $CERT || -e $KEY ]]; then
    die "only one of $CERT and $KEY exists: restore the other, or remove both to make a new pair"
  else
    say "TLS certificate (chc-hub cert)"
    local names=("$@") args=() name
    if ((${#names[@]} == 0)); then
      names+=("$(hostname -f 2>/dev/null || hostname)")
      name=$(hostname -I 2>/dev/null | awk '{ print $1 }') || true
      [[ -n $name ]] && names+=("$name")
    fi
    for name in "${names[@]}"; do args+=(--name "$name"); done
    new_stage
    hub cert --out "$STAGE" "${args[@]}" | sed "s#$STAGE/#$CONF_DIR/#g"
    mv -- "$STAGE/hub.key" "$KEY"
    mv -- "$STAGE/hub.crt" "$CERT"
  fi
  chown "$SERVICE_USER:$SERVICE_USER" "$KEY" "$CERT"
  chmod 0600 "$KEY"
  chmod 0644 "$CERT"

  # certificate / private_key in the [server] table, each only when absent (right after the
  # [server] line: appending at the end would put them in whatever table comes last).
  local cert_line='' key_line='' tmp
  grep -Eq '^[[:space:]]*certificate[[:space:]]*=' "$CONFIG" || cert_line="certificate = \"$CERT\""
  grep -Eq '^[[:space:]]*private_key[[:space:]]*=' "$CONFIG" || key_line="private_key = \"$KEY\""
  if [[ -n $cert_line || -n $key_line ]]; then
    tmp=$(mktemp)   # 0600 by mktemp; holds the secret for a moment
    CLEANUP+=("$tmp")
    awk -v c="$cert_line" -v k="$key_line" '
      function add() { if (c != "") print c; if (k != "") print k; done = 1 }
      { print }
      !done && /^[[:space:]]*\[server\][[:space:]]*(#.*)?$/ { add() }
      END { if (!done) { print ""; print "[server]"; add() } }' "$CONFIG" >"$tmp"
    replace_content "$CONFIG" "$tmp"
    note "$CONFIG now names $CERT and $KEY"
  fi
}

install_units() {
  say "systemd units"
  install -m 0644 "$HERE/chc-hub.service" "$UNIT_DIR/chc-hub.service"
  install -m 0755 "$HERE/backup.sh" "$PREFIX/backup.sh"
  install -m 0644 "$HERE/chc-hub-backup.service" "$UNIT_DIR/chc-hub-backup.service"
  install -m 0644 "$HERE/chc-hub-backup.timer" "$UNIT_DIR/chc-hub-backup.timer"
  install -d -o postgres -g postgres -m 0700 "$BACKUP_DIR"
  systemctl daemon-reload
  systemctl enable --now chc-hub-backup.timer
  note "nightly backup at 02:30 into $BACKUP_DIR"
  systemctl enable --now chc-hub.service
  note "chc-hub.service enabled and started"
}

wait_for_health() {
  say "Waiting for GET /health"
  local host port scheme=https url
  host=$(server_setting host 127.0.0.1)
  port=$(server_setting port 8443)
  [[ $(server_setting behind_proxy false) == true ]] && scheme=http
  case $host in
    0.0.0.0 | '' | '::') host=127.0.0.1 ;;
    *:*) host="[$host]" ;;
  esac
  url="$scheme://$host:$port/health"
  local status='' i
  for ((i = 0; i < 30; i++)); do
    status=$("$VENV/bin/python" - "$url" <<'PY'
import ssl, sys, urllib.error, urllib.request
try:
    # Self-signed: only "is it up" is asked here, not who it is.
    with urllib.request.urlopen(sys.argv[1], timeout=3, context=ssl._create_unverified_context()) as r:
        print(r.status)
except urllib.error.HTTPError as e:
    print(e.code)
except OSError:
    print("none")
PY
    )
    [[ $status == 200 ]] && break
    sleep 1
  done
  case $status in
    200) note "$url: ok" ;;
    503) die "$url answers 503: the hub cannot reach its database (journalctl -u chc-hub)" ;;
    *) die "no answer from $url (systemctl status chc-hub; journalctl -u chc-hub -n 50)" ;;
  esac
}

next_steps() {
  local fp='' port names
  port=$(server_setting port 8443)
  [[ -e $CERT && $(server_setting behind_proxy false) != true ]] && fp=$(hub --config "$CONFIG" fingerprint)
  local run="sudo -u $SERVICE_USER $CHC_HUB --config $CONFIG"
  say "The hub is running"
  if [[ -n $fp ]]; then
    names=$("$VENV/bin/python" - "$CERT" <<'PY'
import sys
from cryptography import x509
cert = x509.load_pem_x509_certificate(open(sys.argv[1], "rb").read())
san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
print(" ".join([*san.get_values_for_type(x509.DNSName), *map(str, san.get_values_for_type(x509.IPAddress))]))
PY
    ) || names='?'
    note "certificate names: $names"
    note "address: https://<one of those names>:$port"
    note "certificate SHA-256 fingerprint (workstations compare it when they enrol):"
    note "    $fp"
  fi
  cat <<EOF

Next steps:
  1. Open TCP port $port to the centres' network, e.g. ufw allow from 10.0.0.0/8 to any port $port proto tcp
  2. A one-time enrolment code (登记码, valid 72 hours) for each workstation, per centre or station:
       $run enrol-code --site 仙霞社区卫生服务中心
     On the workstation, enrol with the hub address, the code, and compare the fingerprint above.
  3. Staff accounts (password asked at the prompt):
       $run user add USERNAME --name 姓名 --role admin --site 仙霞社区卫生服务中心
       $run user list
  4. Later: $run devices     (enrolled workstations, last sync)
            $run revoke DEVICE-ID     (a lost laptop)
     Logs: journalctl -u chc-hub -f      Backups: $BACKUP_DIR (systemctl list-timers chc-hub-backup.timer)
  5. Keep a copy of $CONFIG (its secret) and $KEY somewhere safe and offline: the database
     backups alone cannot restore the workstations' credentials.
EOF
}

main() {
  HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
  REPO=$(cd -- "$HERE/../.." && pwd)
  check_system "$@"
  cd /   # commands run as postgres or chc-hub cannot enter root's folders
  install_packages
  create_account
  install_program
  make_config_dir
  make_state_dir
  setup_database
  init_hub
  make_certificate "$@"
  install_units
  wait_for_health
  next_steps
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
