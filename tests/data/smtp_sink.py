#!/usr/bin/env python3
"""A real SMTP server for posture's end-to-end tests (tests/test_send.rs), on 127.0.0.1, no TLS.

Listens on a free port and prints it on the first line of standard output once it accepts
connections. Every message received is written to DIR as NNN.eml (the raw message, as sent) and
NNN.json (the envelope: sender, recipients, login), each written whole then renamed into place.

With --auth USER:PASSWORD, the server offers AUTH PLAIN/LOGIN (allowed without TLS: this is a test
on loopback) and takes only that account.

It stops when its standard input is closed (the test is gone), or after --lifetime seconds.

Exit codes: 3 when aiosmtpd is missing (python3 -m pip install aiosmtpd).
"""

import argparse
import asyncio
import json
import os
import sys
import threading
import warnings

try:
    from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
except ImportError:
    sys.stderr.write("aiosmtpd is missing: python3 -m pip install aiosmtpd\n")
    sys.exit(3)


def write_whole(path, data):
    temp = path + ".tmp"
    with open(temp, "wb") as out:
        out.write(data)
    os.replace(temp, path)


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        stem = os.path.join(self.directory, "%03d" % self.count)
        auth = session.auth_data
        login = auth.login.decode("utf-8", "replace") if isinstance(auth, LoginPassword) else None
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "login": login,
        }
        write_whole(stem + ".eml", envelope.original_content or envelope.content)
        write_whole(stem + ".json", json.dumps(meta).encode("utf-8"))
        return "250 2.0.0 OK: kept"


def authenticator_for(account):
    user, _, password = account.partition(":")

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == user.encode("utf-8")
            and auth_data.password == password.encode("utf-8")
        )
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    return authenticate


def stop_when_stdin_closes():
    try:
        while sys.stdin.buffer.read(4096):
            pass
    finally:
        os._exit(0)


async def serve(args):
    loop = asyncio.get_running_loop()
    sink = Sink(args.dir)

    def protocol():
        options = {"hostname": "posture-test-sink", "loop": loop}
        if args.auth:
            options.update(
                auth_require_tls=False,
                auth_required=True,
                authenticator=authenticator_for(args.auth),
            )
        return SMTP(sink, **options)

    server = await loop.create_server(protocol, host="127.0.0.1", port=0)
    port = server.sockets[0].getsockname()[1]
    print(port, flush=True)
    async with server:
        await asyncio.sleep(args.lifetime)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", required=True, help="where received messages are written")
    parser.add_argument("--auth", help="USER:PASSWORD, the only account accepted")
    parser.add_argument("--lifetime", type=float, default=300.0, help="seconds before stopping")
    args = parser.parse_args()
    # AUTH without TLS is what this loopback test server is for.
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    threading.Thread(target=stop_when_stdin_closes, daemon=True).start()
    asyncio.run(serve(args))


if __name__ == "__main__":
    main()
