"""A session that speaks Streamlit's own protocol: the server's warm-up at start
(lagesbild.ui.serve) and the load test's light client (bench.load).

A browser tab and the server talk over one websocket (`/_stcore/stream`, subprotocol
"streamlit"): the tab sends a BackMsg `rerun_script` naming the page and its query string, the
server runs the script and streams ForwardMsgs (deltas) until `script_finished`. This client does
exactly that and draws nothing, so N of them on two cores load the server, not N renderers.
What it leaves out is the browser's own work (drawing, charts, the map component's iframe, the
component's value sent back after it is drawn); one real browser session beside them measures that
(bench.load).

A visit is one websocket: a new session per address, as a page load in a browser is.
"""
from __future__ import annotations

import asyncio
import time
from urllib.parse import urlsplit

STREAM = "/_stcore/stream"


class RunFailed(RuntimeError):
    """The script drew an exception or did not finish successfully."""


def _rerun(path: str, query: str) -> bytes:
    from streamlit.proto.BackMsg_pb2 import BackMsg

    msg = BackMsg()
    msg.rerun_script.page_name = path  # st.navigation resolves the page by its url path, "" = default
    msg.rerun_script.query_string = query
    return msg.SerializeToString()


def _exception(fm) -> str | None:
    """The message of an st.exception element (an uncaught error on the page), else None."""
    if fm.WhichOneof("type") != "delta" or fm.delta.WhichOneof("type") != "new_element":
        return None
    el = fm.delta.new_element
    return el.exception.message or el.exception.type if el.WhichOneof("type") == "exception" else None


async def run_page(url: str, timeout: float, *, base_path: str = "") -> float:
    """Open a session on `url` (http://host:port/slug?query), run its script, and return the seconds
    from connecting to `script_finished`; RunFailed if the page failed, TimeoutError if slow.
    `base_path`: the server's server.baseUrlPath ("/lagesbild"), which the url's path starts with."""
    import websockets
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    t0 = time.perf_counter()
    async with asyncio.timeout(timeout):
        async with websockets.connect(f"ws://{parts.netloc}{base_path}{STREAM}", subprotocols=["streamlit"],
                                      origin=origin, max_size=None, open_timeout=timeout) as ws:
            await ws.send(_rerun(parts.path.removeprefix(base_path).strip("/"), parts.query))
            while True:
                fm = ForwardMsg()
                fm.ParseFromString(await ws.recv())
                if (failure := _exception(fm)) is not None:
                    raise RunFailed(failure[:200])
                if fm.WhichOneof("type") == "page_not_found":
                    raise RunFailed(f"no page {parts.path!r}")
                if fm.WhichOneof("type") != "script_finished":
                    continue
                if fm.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                    return time.perf_counter() - t0
                if fm.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    raise RunFailed("the page script did not compile")
                # FINISHED_EARLY_FOR_RERUN (st.rerun) or a fragment's run: the page run goes on
