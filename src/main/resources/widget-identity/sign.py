import hashlib
import hmac
import json
import os
import sys
import time


def parley_identity(user_id, email, secret=None):
    """Attributes for the widget's script tag, for the signed-in customer. Sign on your server, never in a browser."""
    secret = secret or os.environ["PARLEY_WIDGET_SECRET"]
    timestamp = str(int(time.time()))
    payload = f"{user_id}\n{email}\n{timestamp}".encode("utf-8")
    signature = hmac.new(secret.encode("utf-8"), payload, hashlib.sha256).hexdigest()
    return {"data-parley-user-id": user_id, "data-parley-user-email": email,
            "data-parley-user-timestamp": timestamp, "data-parley-user-signature": signature}


if __name__ == "__main__":
    print(json.dumps(parley_identity(sys.argv[1], sys.argv[2])))
