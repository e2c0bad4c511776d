"""The IGC-Santé certificate checker: the same pure-Python code on the command line and in Pyodide.

    from igcsante.cert import check_bytes
    result = check_bytes(open("cert.p12", "rb").read(), "cert.p12", use="insi", password="...")

See `igcsante.cert.findings` for the codes, `igcsante.cert.trust` for the trust anchors.
"""

from igcsante.cert.check import check_bytes

__all__ = ["check_bytes"]
