-- postgresql-role.sql — the hub's database and the one role that uses it.
--
-- Run once, as a PostgreSQL superuser, with psql (install.sh does this when the role or the
-- database is missing):
--     sudo -u postgres psql -X -v ON_ERROR_STOP=1 -d postgres -f installer/hub/postgresql-role.sql
-- Running it again changes nothing: each CREATE runs only when its object is missing (psql's \gexec).
--
-- Then create the hub's tables as that role: chc-hub init --database postgresql://chc_hub@/chc_hub ...

\set ON_ERROR_STOP on

-- 1. The login role. Only this role connects, and only the hub program (Unix account chc-hub)
--    logs in as it. No superuser, no CREATEDB/CREATEROLE: it owns its own database, nothing else.
--    No password: on the database machine the hub logs in over the local socket by peer
--    authentication (pg_hba.conf and pg_ident.conf below).
--    Database on another machine: give the role a password, typed at psql's prompt so it stays out
--    of shell history and server logs:
--        \password chc_hub
--    and let chc-hub write it into its own 0600 hub.toml, typed at a prompt again (never on a
--    command line, never in a file anyone else reads):
--        chc-hub init --database 'postgresql://chc_hub@db.example/chc_hub?sslmode=verify-full' \
--                     --ask-password --write-config /etc/chc-hub/hub.toml
SELECT 'CREATE ROLE chc_hub LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'chc_hub')
\gexec

-- 2. The database, owned by the role (the hub creates and upgrades its own tables: chc-hub init).
--    UTF8 from template0, whatever the cluster's default encoding. Locale C.UTF-8: byte-order
--    sorting that no operating-system upgrade changes (a changed glibc collation silently corrupts
--    text indexes); the program sorts names for people itself.
SELECT 'CREATE DATABASE chc_hub OWNER chc_hub ENCODING ''UTF8'' LOCALE ''C.UTF-8'' TEMPLATE template0'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'chc_hub')
\gexec

-- 3. Nobody else may connect to it (the owner and superusers still can: pg_dump runs as postgres).
REVOKE CONNECT, TEMPORARY ON DATABASE chc_hub FROM PUBLIC;

-- 4. Authentication; PostgreSQL uses the FIRST pg_hba.conf line that matches, so these go above
--    Debian's "local all all peer" line. Find the files with SHOW hba_file; and SHOW ident_file;
--    then apply with SELECT pg_reload_conf(); (install.sh adds the two local lines itself.)
--
--    Hub and database on the same machine: peer authentication over the Unix socket. The Unix
--    account is chc-hub and the role chc_hub, so a user-name map lets the one log in as the other.
--      pg_hba.conf:
--        # TYPE  DATABASE  USER     ADDRESS        METHOD
--        local   chc_hub   chc_hub                 peer map=chc_hub
--      pg_ident.conf:
--        # MAPNAME  SYSTEM-USERNAME  PG-USERNAME
--        chc_hub    chc-hub          chc_hub
--
--    Only when the database is on another machine than the hub: TLS and a password, from the hub's
--    address alone (10.0.0.5 here), with ssl = on in postgresql.conf:
--      pg_hba.conf:
--        hostssl chc_hub   chc_hub  10.0.0.5/32    scram-sha-256
