"""Run by LibreOffice's Python (``/usr/bin/python3`` with python3-uno), never imported.

Usage: uno_pdf.py IN.docx OUT.pdf [START_TIMEOUT]

Starts a private headless LibreOffice, opens IN.docx, updates every index (the table of
contents) twice so its page numbers are final, exports OUT.pdf and prints the table of
contents as JSON lines ``[text, page]`` on stdout. Exit 3: LibreOffice did not start or
answer within START_TIMEOUT seconds; exit 4: the document could not be converted. LibreOffice
runs in this process's group; the caller ends the group afterwards, so no soffice.bin outlives
a bridge that gave up.
"""

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def _prop(name: str, value: object) -> object:
    prop = PropertyValue()
    prop.Name = name
    prop.Value = value
    return prop


def _connect(pipe: str, proc: "subprocess.Popen[bytes]", seconds: float) -> Any:
    """The component context of the LibreOffice started as ``proc``, waiting at most
    ``seconds`` for it to accept; exit 3 when it does not (the caller ends its process group)."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            time.sleep(0.1)
    sys.stderr.write("LibreOffice reageert niet\n")
    sys.exit(3)


def main() -> None:
    # The caller ends this process group with SIGTERM when it stops waiting: clean up first.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(5))
    source, target = (os.path.abspath(a) for a in sys.argv[1:3])
    start_timeout = float(sys.argv[3]) if len(sys.argv) > 3 else 120.0
    profile = tempfile.mkdtemp(prefix="aanbesteding-lo-")
    pipe = f"aanbesteding-{os.getpid()}"
    soffice = shutil.which("soffice") or "soffice"
    proc = subprocess.Popen(
        [soffice, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "--nolockcheck", f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}",
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = False
    try:
        ctx = _connect(pipe, proc, start_timeout)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0,
                                           (_prop("Hidden", True),))
        if doc is None:
            sys.stderr.write("het document kan niet worden geopend\n")
            sys.exit(4)
        indexes = doc.getDocumentIndexes()
        for _ in range(2):  # the second pass settles page numbers moved by the first
            for i in range(indexes.getCount()):
                indexes.getByIndex(i).update()
            doc.getTextFields().refresh()
        doc.storeToURL(uno.systemPathToFileUrl(target),
                       (_prop("FilterName", "writer_pdf_Export"),))
        for i in range(indexes.getCount()):
            for line in indexes.getByIndex(i).getAnchor().getString().splitlines():
                text, _, page = line.rpartition("\t")
                if text and page.strip().isdigit():
                    print(json.dumps([text, int(page)], ensure_ascii=False))
        doc.close(True)
        with contextlib.suppress(Exception):  # the bridge drops while LibreOffice quits
            desktop.terminate()
        done = True
    finally:
        if not done:  # gave up, failed or was told to stop: no waiting for a LibreOffice that hangs
            proc.kill()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
