#!/usr/bin/env python3
"""Loads a twindex report in headless Chromium at given viewport widths and prints, as one
JSON document, what the browser saw at each width: console errors and exceptions, the
elements that stick out of the viewport (outside a sideways-scrolling box), the smallest
text drawn in a chart (in CSS pixels), and the text of the tables Tabel 6 and Corpus.

    report_check.py CHROMIUM REPORT.html OUT_DIR 1400 400

Screenshots go to OUT_DIR/report-WIDTH-K.png, the page in slices of 1,500 px. Speaks the DevTools protocol over a WebSocket
written here with the standard library only (no pip package needed)."""

import base64
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request


class WebSocket:
    """A client WebSocket (RFC 6455): text frames, masked as a client must."""

    def __init__(self, url):
        m = re.match(r"ws://([^:/]+):(\d+)(/.*)", url)
        self.sock = socket.create_connection((m.group(1), int(m.group(2))), timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {m.group(3)} HTTP/1.1\r\nHost: {m.group(1)}:{m.group(2)}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError(f"no WebSocket upgrade: {head!r}")

    def send(self, text):
        data = text.encode()
        header = bytes([0x81])
        n = len(data)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 1 << 16:
            header += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _read(self, n):
        out = b""
        while len(out) < n:
            chunk = self.sock.recv(n - len(out))
            if not chunk:
                raise RuntimeError("the browser closed the connection")
            out += chunk
        return out

    def receive(self):
        message = b""
        while True:
            b0, b1 = self._read(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            payload = self._read(n)
            opcode = b0 & 0x0F
            if opcode == 8:
                raise RuntimeError("the browser closed the WebSocket")
            if opcode in (0, 1, 2):
                message += payload
                if b0 & 0x80:
                    return message.decode()


class Page:
    """One browser tab, driven by DevTools commands; events are kept as they arrive."""

    def __init__(self, url):
        self.ws = WebSocket(url)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.receive())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for i, e in enumerate(self.events):
                if e.get("method") == method:
                    return self.events.pop(i)
            self.events.append(json.loads(self.ws.receive()))
        raise RuntimeError(f"no {method} within {timeout} s")


# What the page looks like: run in the page after it has loaded.
PROBE = r"""
(() => {
  const vw = document.documentElement.clientWidth;
  const scrolls = el => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll') return true;
    }
    return false;
  };
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if ((r.right > vw + 0.5 || r.left < -0.5) && !scrolls(el))
      wide.push(el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined ? '.' + el.className : '')
                + (el.tagName === 'text' ? ' "' + el.textContent + '"' : '') + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
  }
  let smallest = null, smallestText = null;
  for (const t of document.querySelectorAll('svg text')) {
    const svg = t.ownerSVGElement, box = svg.viewBox.baseVal;
    if (!box || !box.width) continue;
    const px = parseFloat(getComputedStyle(t).fontSize) * svg.getBoundingClientRect().width / box.width;
    if (smallest === null || px < smallest) { smallest = px; smallestText = t.textContent; }
  }
  const table = id => [...document.querySelectorAll('#' + id + ' table tr')]
      .map(tr => [...tr.children].map(c => c.innerText.trim()));
  const scale = cls => { const e = document.querySelector('#activity .' + cls); return e ? e.textContent : null; };
  return {viewport: vw, scrollWidth: document.documentElement.scrollWidth, wide: wide,
          smallestChartText: smallest, smallestChartTextIs: smallestText,
          ratios: table('ratios'), summary: table('summary'),
          heatmapScale: [scale('scale-min'), scale('scale-max')]};
})()
"""


def main():
    chromium, report, out_dir = sys.argv[1:4]
    widths = [int(w) for w in sys.argv[4:]]
    profile = tempfile.mkdtemp(prefix="twindex-chromium-")
    browser = subprocess.Popen([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                "--no-default-browser-check", "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
                                f"--user-data-dir={profile}", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # Chromium writes the port it took to DevToolsActivePort in its profile folder.
        port, deadline = None, time.time() + 60
        while port is None:
            try:
                with open(os.path.join(profile, "DevToolsActivePort")) as f:
                    port = f.readline().strip() or None
            except OSError:
                pass
            if port is None:
                if browser.poll() is not None or time.time() > deadline:
                    raise RuntimeError(f"chromium gave no DevTools port (exit status {browser.poll()})")
                time.sleep(0.1)
        results = {}
        url = "file://" + os.path.abspath(report)
        for width in widths:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/json/new?about:blank", method="PUT")
            with urllib.request.urlopen(request, timeout=30) as r:
                target = json.load(r)
            page = Page(target["webSocketDebuggerUrl"])
            page.call("Runtime.enable")
            page.call("Log.enable")
            page.call("Page.enable")
            page.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=width < 600)
            page.call("Page.navigate", url=url)
            page.wait_for("Page.loadEventFired")
            seen = page.call("Runtime.evaluate", expression=PROBE, returnByValue=True)
            if "exceptionDetails" in seen:
                raise RuntimeError(f"the probe failed: {seen['exceptionDetails']}")
            seen = seen["result"]["value"]
            height = page.call("Runtime.evaluate", expression="document.documentElement.scrollHeight",
                               returnByValue=True)["result"]["value"]
            page.call("Emulation.setDeviceMetricsOverride", width=width, height=min(height, 16000), deviceScaleFactor=1,
                      mobile=width < 600)
            # The page in slices of 1,500 px, small enough to look at.
            for k, top in enumerate(range(0, min(height, 16000), 1500)):
                clip = {"x": 0, "y": top, "width": width, "height": min(1500, height - top), "scale": 1}
                shot = page.call("Page.captureScreenshot", format="png", clip=clip)
                with open(os.path.join(out_dir, f"report-{width}-{k + 1}.png"), "wb") as f:
                    f.write(base64.b64decode(shot["data"]))
            errors = []
            for e in page.events:
                p = e.get("params", {})
                if e.get("method") == "Runtime.exceptionThrown":
                    errors.append(p["exceptionDetails"].get("text", "exception"))
                elif e.get("method") == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert", "warning"):
                    errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
                elif e.get("method") == "Log.entryAdded" and p["entry"].get("level") in ("error", "warning"):
                    errors.append(p["entry"].get("text", ""))
            seen["consoleErrors"] = errors
            results[str(width)] = seen
            page.call("Page.close")
        print(json.dumps(results))
    finally:
        browser.terminate()
        try:
            browser.wait(10)
        except subprocess.TimeoutExpired:
            browser.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
