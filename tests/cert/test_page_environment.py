"""The checker in a Pyodide-like interpreter: no cryptography, no ssl, no pbkdf2_hmac, no urllib.

Runs in a subprocess where those modules are made unimportable, so the in-page code path is
exercised for real on CPython (the Pyodide run itself is covered by the checker-page tests).
"""

import json
import subprocess
import sys

from fake_pki import AT, der, openssl_p12, pem

PAGE_LIKE = """
import hashlib, json, sys
for name in ("cryptography", "ssl", "_ssl", "urllib.request", "http.client"):
    sys.modules[name] = None
del hashlib.pbkdf2_hmac
from igcsante.cert import check_bytes
from igcsante.cert.trust import TrustStore
request = json.load(sys.stdin)
trust = TrustStore.unpinned([bytes.fromhex(d) for d in request["anchors"]])
out = {}
for name, (data, password) in request["files"].items():
    result = check_bytes(bytes.fromhex(data), name, password=password, env="test", at=request["at"], trust=trust)
    out[name] = [result["verdict"], sorted(f["code"] for f in result["findings"])]
print(json.dumps(out))
"""


def test_page_like_environment(pki, tmp_path):
    p12 = openssl_p12(tmp_path, pki.leaf(), pki.key, "right")
    files = {"leaf": (pem(pki.leaf()).hex(), None), "csr": (der(pki.csr()).hex(), None),
             "p12 right": (p12.hex(), "right"), "p12 wrong": (p12.hex(), "wrong"), "p12 none": (p12.hex(), None)}
    request = {"anchors": [d.hex() for d in pki.trust_ders()], "files": files, "at": AT}
    done = subprocess.run([sys.executable, "-c", PAGE_LIKE], input=json.dumps(request), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert results["leaf"][0] == "ready" and "chain.verified" in results["leaf"][1]
    assert results["csr"][0] == "ready"
    right = results["p12 right"][1]
    assert "p12.password_ok" in right and "p12.encrypted_unchecked" in right and "p12.key_matches" not in right
    assert "p12.wrong_password" in results["p12 wrong"][1]
    assert "p12.password_not_given" in results["p12 none"][1] and results["p12 none"][0] == "ready"
