"""A centre's own TLS certificate for the hub (self-signed: the workstations pin its fingerprint at
enrolment, so no certificate authority is needed), and the fingerprint administrators compare."""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from chc_desktop.security.files import private_open


def fingerprint(der: bytes) -> str:
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def certificate_fingerprint(path: Path) -> str:
    """The SHA-256 fingerprint of a PEM certificate file (what the workstation pins)."""
    cert = x509.load_pem_x509_certificate(path.read_bytes())
    return fingerprint(cert.public_bytes(serialization.Encoding.DER))


def make_certificate(folder: Path, names: list[str], years: int = 10) -> tuple[Path, Path, str]:
    """A new key (P-256) and a self-signed certificate for the hub's host names and addresses.
    Returns (certificate, private key, fingerprint); the key is written readable by its owner only."""
    folder.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    alt: list[x509.GeneralName] = []
    for name in names or ["localhost"]:
        try:
            alt.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            alt.append(x509.DNSName(name))
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, (names or ["localhost"])[0]),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "CHC Desktop hub"),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(x509.SubjectAlternativeName(alt), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "hub.crt", folder / "hub.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    with private_open(key_path, "wb") as fh:
        fh.write(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
    return cert_path, key_path, fingerprint(cert.public_bytes(serialization.Encoding.DER))
