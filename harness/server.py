"""A real `streamlit run` process and a minimal client of its websocket protocol.

AppTest cannot carry browser cookies, so the cookie path (the library's form, our token,
st.context.cookies on reconnect) is checked against a running server.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]


@contextlib.contextmanager
def streamlit_server(env: dict[str, str], script: str = "dashboard.py"):
    """Run `script` (default the app) headless on a free port; yields the port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=ROOT, env=os.environ | env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()   # a server too busy to stop in a minute is stopped anyway
            process.wait()


def visit(port: int, cookie: str | None = None, login: tuple[str, str] | None = None,
          headers: dict[str, str] | None = None) -> list[tuple]:
    """Open the page (optionally with a cookie and request headers, optionally submitting the login form);
    what it showed."""
    # On its own thread: Playwright's sync API keeps an event loop running in the test's thread.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _visit(port, cookie, login, headers or {})).result()


async def _visit(port, cookie, login, headers):
    headers = headers | ({"Cookie": cookie} if cookie else {})
    async with websockets.connect(f"ws://127.0.0.1:{port}/_stcore/stream", additional_headers=headers,
                                  subprotocols=["streamlit"]) as ws:
        elements = await _run(ws, {})
        if login:
            inputs = [e.text_input.id for e in elements if e.WhichOneof("type") == "text_input"]
            button = next(e.button.id for e in elements if e.WhichOneof("type") == "button")
            elements = await _run(ws, {**dict(zip(inputs, login)), button: True})
    return [_describe(e) for e in elements]


async def _run(ws, widgets: dict) -> list:
    message = BackMsg()
    message.rerun_script.query_string = ""
    for widget_id, value in widgets.items():
        state = message.rerun_script.widget_states.widgets.add()
        state.id = widget_id
        if value is True:
            state.trigger_value = True
        else:
            state.string_value = value
    await ws.send(message.SerializeToString())
    elements = []
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(await asyncio.wait_for(ws.recv(), timeout=120))
        if forward.WhichOneof("type") == "delta" and forward.delta.WhichOneof("type") == "new_element":
            elements.append(forward.delta.new_element)
        if forward.WhichOneof("type") == "script_finished":
            return elements


def _describe(element) -> tuple:
    kind = element.WhichOneof("type")
    if kind == "heading":
        return ("heading", element.heading.body)
    if kind == "alert":
        return ("alert", element.alert.body)
    if kind == "component_instance":
        args = json.loads(element.component_instance.json_args)
        return ("cookie", args.get("method"), args.get("cookie"), args.get("value"), args.get("options"))
    return (kind,)
