"""Verifies an Aptoria webhook delivery (X-PMAI-Signature), standard library only (Python 3.8+).

Every v1= is checked against every secret: during a rotation a delivery carries one v1= per
secret, and a receiver holding either secret accepts it.

    from aptoria_webhooks import verify_webhook, WebhookVerificationError

    try:
        event = verify_webhook(raw_body, headers.get("X-PMAI-Signature"), [os.environ["PMAI_WEBHOOK_SECRET"]])
    except WebhookVerificationError as e:
        return 400, e.reason
"""
import hashlib
import hmac
import json
import re
import time

__all__ = ["verify_webhook", "parse_signature_header", "WebhookVerificationError", "SIGNATURE_HEADER"]

SIGNATURE_HEADER = "X-PMAI-Signature"
DEFAULT_TOLERANCE_SECONDS = 300
_T = re.compile(r"^\d{1,12}$")
_V1 = re.compile(r"^[0-9a-fA-F]{64}$")


class WebhookVerificationError(Exception):
    """A refused delivery. `reason` is one of: missing_header, malformed_header,
    timestamp_too_old, timestamp_in_future, signature_mismatch, invalid_json."""

    def __init__(self, reason, message):
        super().__init__(message)
        self.reason = reason


def parse_signature_header(header):
    """Reads `t=<unix seconds>,v1=<hex>[,v1=<hex>...]` into (t, [signature bytes]).

    Unknown fields are ignored; a missing or repeated t, or no well-formed v1, is malformed."""
    if header is None or header.strip() == "":
        raise WebhookVerificationError("missing_header", SIGNATURE_HEADER + " header is missing.")
    t = None
    signatures = []
    for part in header.split(","):
        key, eq, value = part.partition("=")
        if not eq:
            continue
        key, value = key.strip(), value.strip()
        if key == "t":
            if t is not None or not _T.match(value):
                raise WebhookVerificationError("malformed_header", SIGNATURE_HEADER + ": t must appear once, as unix seconds.")
            t = int(value)
        elif key == "v1" and _V1.match(value):
            signatures.append(bytes.fromhex(value))
    if t is None:
        raise WebhookVerificationError("malformed_header", SIGNATURE_HEADER + ": no t= timestamp.")
    if not signatures:
        raise WebhookVerificationError("malformed_header", SIGNATURE_HEADER + ": no v1= signature.")
    return t, signatures


def verify_webhook(body, signature, secrets, tolerance_seconds=DEFAULT_TOLERANCE_SECONDS, now=None):
    """Checks the signature and the timestamp and returns the parsed event (a dict).

    body: the raw request body (bytes, or str as received); signature: the X-PMAI-Signature
    header (None when absent); secrets: one secret or a list of them (`whsec_...`);
    tolerance_seconds: how far t may be from now, either way; now: unix seconds (default: the clock).
    Raises WebhookVerificationError."""
    t, candidates = parse_signature_header(signature)
    now = time.time() if now is None else now
    if t < now - tolerance_seconds:
        raise WebhookVerificationError("timestamp_too_old", "The timestamp is more than %d seconds old." % tolerance_seconds)
    if t > now + tolerance_seconds:
        raise WebhookVerificationError("timestamp_in_future", "The timestamp is more than %d seconds ahead." % tolerance_seconds)

    raw = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    signed = str(t).encode("ascii") + b"." + raw
    if isinstance(secrets, str):
        secrets = [secrets]
    if not secrets:
        raise ValueError("verify_webhook: at least one secret is needed.")
    matched = False
    # every pair is compared, matched or not, so the time taken says nothing about which one matched
    for secret in secrets:
        expected = hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).digest()
        for candidate in candidates:
            matched = hmac.compare_digest(expected, candidate) or matched
    if not matched:
        raise WebhookVerificationError("signature_mismatch", "No v1 signature matches the secret(s).")
    try:
        return json.loads(raw.decode("utf-8"))
    except ValueError:
        raise WebhookVerificationError("invalid_json", "The body is not JSON.")
