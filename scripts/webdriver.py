"""A small W3C WebDriver client for Debian's headless Chromium (chromedriver), for the scripts
that measure or photograph `hoinghi serve`. Python 3 standard library only."""
import base64, json, socket, subprocess, tempfile, time, urllib.request

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Chromium:
    """`with Chromium(width, height) as b:` a headless browser, ended on leaving."""

    def __init__(self, width=1400, height=900):
        self.port = free_port()
        self.driver = subprocess.Popen(["/usr/bin/chromedriver", f"--port={self.port}"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                self._req("GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--window-size={width},{height}", f"--user-data-dir={tempfile.mkdtemp()}"]
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": "/usr/bin/chromium", "args": args}}}}
        self.session = self._req("POST", "/session", caps)["sessionId"]

    def _req(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data,
                                     method=method, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=120) as r:
            return json.loads(r.read())["value"]

    def _s(self, method, path, body=None):
        return self._req(method, f"/session/{self.session}{path}", body)

    def open(self, url):
        self._s("POST", "/url", {"url": url})

    def run(self, script, *args):
        return self._s("POST", "/execute/sync", {"script": script, "args": list(args)})

    def wait(self, script, timeout=60):
        started = time.time()
        while time.time() - started < timeout:
            value = self.run(script)
            if value:
                return value
            time.sleep(0.02)
        raise TimeoutError(script)

    def find(self, css):
        return self._s("POST", "/element", {"using": "css selector", "value": css})[ELEMENT]

    def keys(self, element, text):
        self._s("POST", f"/element/{element}/value", {"text": text})

    def click(self, css):
        self._s("POST", f"/element/{self.find(css)}/click", {})

    def screenshot(self, path):
        with open(path, "wb") as f:
            f.write(base64.b64decode(self._s("GET", "/screenshot")))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        try:
            self._s("DELETE", "")
        finally:
            self.driver.terminate()
            self.driver.wait()
