"""Files people drop on the checker, made at test time with openssl (nothing is committed).

The .p12 is shaped like those the IGC-Santé platform delivers: certificate bags in clear
(`-certpbe NONE`), key bag encrypted with PBE-SHA1-3DES, SHA-1 MAC, 2048 iterations. Its
certificate is self-signed (no IGC-Santé private key exists outside the ANS), with an IGC-Santé
style subject; the real IGC-Santé TEST chain is added to the bag as IGC-Santé does.
"""

import random
import subprocess
from pathlib import Path

P12_PASSWORD = "Correct-Horse-2026"
ORG_SUBJECT = "/C=FR/ST=Rhône (69)/O=CENTRE DE SANTE RPPS22163/OU=10B0221636/CN=INSI-MANU"


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def make_checker_files(folder: Path, shared_data: Path) -> dict[str, Path]:
    """name -> path of each generated file (see the keys for what they are)."""
    folder.mkdir(parents=True, exist_ok=True)
    _openssl("genrsa", "-out", "key.pem", "2048", cwd=folder)
    _openssl("req", "-x509", "-new", "-key", "key.pem", "-subj", ORG_SUBJECT, "-days", "365", "-sha256", "-utf8",
             "-addext", "basicConstraints=critical,CA:FALSE", "-addext", "keyUsage=critical,digitalSignature",
             "-addext", "extendedKeyUsage=clientAuth", "-out", "self-signed.pem", cwd=folder)
    chain = folder / "test-chain.pem"
    chain.write_bytes(b"".join(p.read_bytes() for p in sorted((shared_data / "test-ca").glob("*ELEMENTAIRE*.pem"))))
    _openssl("pkcs12", "-export", "-certpbe", "NONE", "-keypbe", "PBE-SHA1-3DES", "-macalg", "sha1",
             "-iter", "2048", "-in", "self-signed.pem", "-inkey", "key.pem", "-certfile", chain.name,
             "-passout", f"pass:{P12_PASSWORD}", "-out", "org.p12", cwd=folder)
    _openssl("req", "-new", "-key", "key.pem", "-subj", ORG_SUBJECT, "-sha256", "-utf8", "-out", "request.csr", cwd=folder)
    _openssl("genrsa", "-out", "weak-key.pem", "1024", cwd=folder)
    _openssl("req", "-new", "-key", "weak-key.pem", "-subj", ORG_SUBJECT, "-sha256", "-utf8",
             "-out", "weak-request.csr", cwd=folder)
    # Windows certreq writes UTF-16 with a byte order mark and CRLF line ends.
    request_text = (folder / "request.csr").read_text().replace("\n", "\r\n")
    (folder / "windows-request.csr").write_bytes(request_text.encode("utf-16"))
    (folder / "garbage.bin").write_bytes(random.Random(4).randbytes(3000))
    (folder / "empty.cer").write_bytes(b"")
    names = ["org.p12", "key.pem", "self-signed.pem", "request.csr", "weak-request.csr", "windows-request.csr",
             "garbage.bin", "empty.cer"]
    return {name: folder / name for name in names}


def real_files(shared_data: Path) -> list[Path]:
    """Every real IGC-Santé certificate file of the shared data set."""
    return sorted(p for p in shared_data.rglob("*") if p.is_file() and p.suffix.lower() in {".pem", ".p7b", ".cer", ".der"})
