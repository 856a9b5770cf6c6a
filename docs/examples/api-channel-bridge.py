#!/usr/bin/env python3
"""An example bridge for Parley's API channel (Python 3 standard library only).

Your messenger calls send_to_parley() for every customer message; Parley POSTs replies to this bridge's
callback URL (the one set on the API inbox), signed with X-Parley-Signature, and the bridge passes them on.

    PARLEY_URL=https://support.example.com PARLEY_INBOX_ID=<inbox id> PARLEY_API_KEY=pik_... \
    PARLEY_SIGNING_SECRET=whsec_... PORT=8099 python3 api-channel-bridge.py          # receive replies
    ... python3 api-channel-bridge.py send <contact id> <name> <text> <message id>  # post a message
"""
import hashlib
import hmac
import http.server
import json
import os
import sys
import time
import urllib.request

PARLEY_URL = os.environ.get("PARLEY_URL", "http://localhost:8080").rstrip("/")
INBOX_ID = os.environ.get("PARLEY_INBOX_ID", "")
API_KEY = os.environ.get("PARLEY_API_KEY", "")
SIGNING_SECRET = os.environ.get("PARLEY_SIGNING_SECRET", "").encode()
MAX_AGE_SECONDS = 300


def send_to_parley(contact_id, name, text, message_id):
    """Posts one customer message; the same message_id again is stored once, so retrying is safe."""
    body = json.dumps({"contactId": contact_id, "name": name, "text": text, "messageId": message_id}).encode()
    request = urllib.request.Request(f"{PARLEY_URL}/api/v1/inboxes/{INBOX_ID}/messages", data=body, method="POST",
                                     headers={"Authorization": f"Bearer {API_KEY}",
                                              "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def signed_by_parley(header, raw_body):
    """X-Parley-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>, at most 5 min old."""
    fields = dict(part.strip().split("=", 1) for part in header.split(",") if "=" in part)
    timestamp, signature = fields.get("t", ""), fields.get("v1", "")
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > MAX_AGE_SECONDS:
        return False
    expected = hmac.new(SIGNING_SECRET, timestamp.encode() + b"." + raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def deliver_to_customer(contact_id, text):
    """Your messenger's send call goes here; this example prints what it would send."""
    print(json.dumps({"to": contact_id, "text": text}), flush=True)


class ParleyCallback(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        raw_body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if not signed_by_parley(self.headers.get("X-Parley-Signature", ""), raw_body):
            self.send_response(403)  # not from Parley, or replayed: ignore it
            self.end_headers()
            return
        event = json.loads(raw_body)
        if event.get("event") == "message.created" and event.get("contactId"):
            deliver_to_customer(event["contactId"], event["message"]["text"])
        self.send_response(204)  # 2xx: delivered; anything else makes Parley retry with back-off
        self.end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "send":
        print(json.dumps(send_to_parley(*sys.argv[2:6])), flush=True)
    else:
        server = http.server.HTTPServer(("127.0.0.1", int(os.environ.get("PORT", "8099"))), ParleyCallback)
        print("listening", flush=True)
        server.serve_forever()
