"""Load on the web app over loopback: a bounded run of mixed requests from concurrent clients.

    python benchmarks/web_load.py                      # 20 clients, 5,000 requests
    python benchmarks/web_load.py --clients 4 --requests 400

Starts ``leraarroutes serve`` (one uvicorn process) on a free loopback port, sends a mix of
requests for mostly distinct people (targeted and untargeted route questions, explanations, the
page, degree search, one programme, health) and prints requests per second, p50/p99 latency per
kind, errors, and the server's resident memory before and after. Each kind's p50 is also shown as a
ratio to its baseline in the same run: the health check (what the framework itself costs) and, for
route questions, the same question answered in this process without HTTP. The clients share the
machine's cores with the server, as a desk's proxy would. Timings live here, never in the tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx

import leraarroutes as lr
from leraarroutes.catalogue.serialize import structure
from leraarroutes.engine.report import routes_report

AS_OF = dt.date(2026, 12, 1)
LEVELS = ("havo", "vwo", "mbo-4", "hbo-bachelor", "wo-bachelor", "wo-master")
LEVEL_WEIGHTS = (8, 8, 6, 30, 18, 30)  # career changers (hbo/wo) are most of an advice desk's questions
PROGRAMMES = ("Geschiedenis", "Biologie", "Wiskunde", "Psychologie", "Rechten", "Engels", "Scheikunde",
              "Natuurkunde", "Bedrijfskunde", "Werktuigbouwkunde", "Pedagogiek", "Nederlands", None)  # fmt: skip
TARGETS = ("po", "eerstegraads:geschiedenis", "eerstegraads:biologie", "tweedegraads:wiskunde",
           "eerstegraads:engels", "tweedegraads:nederlands", "vmbo")  # fmt: skip
MIX = (("routes-targeted", 40), ("routes-untargeted", 15), ("explain", 15), ("page", 10), ("degrees", 10),
       ("programme", 5), ("health", 5))  # fmt: skip


def person(rng: random.Random) -> dict[str, Any]:
    """A plausible, mostly distinct person: one or two diplomas, sometimes a job, a year, subjects."""
    level = rng.choices(LEVELS, LEVEL_WEIGHTS)[0]
    diploma: dict[str, Any] = {"level": level, "year": rng.randint(1995, 2025)}
    if level in ("havo", "vwo"):
        diploma["exam_subjects"] = rng.sample(["geschiedenis", "biologie", "wiskunde", "engels", "natuurkunde"], 2)
    elif (name := rng.choice(PROGRAMMES)) is not None:
        diploma["programme"] = name
    profile: dict[str, Any] = {"diplomas": [diploma]}
    if level == "wo-master" and rng.random() < 0.8:  # with the bachelor it stands on
        profile["diplomas"].insert(0, {"level": "wo-bachelor", "programme": diploma.get("programme", "Biologie")})
    if rng.random() < 0.35:
        profile["job"] = {"sector": rng.choice(["po", "vo", "mbo"])}
    if rng.random() < 0.3:
        profile["work_experience_years"] = rng.randint(0, 25)
    return profile


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _routes_targeted(client: httpx.Client, rng: random.Random) -> httpx.Response:
    body = {"profile": person(rng), "target": rng.choice(TARGETS), "as_of": AS_OF.isoformat()}
    return client.post("/api/v1/routes", json=body)


def _routes_untargeted(client: httpx.Client, rng: random.Random) -> httpx.Response:
    return client.post("/api/v1/routes", json={"profile": person(rng), "as_of": AS_OF.isoformat()})


def _explain(client: httpx.Client, rng: random.Random) -> httpx.Response:
    body = {"profile": person(rng), "target": rng.choice(TARGETS[:-1]), "as_of": AS_OF.isoformat()}
    return client.post("/api/v1/explain", json=body)


def _page(client: httpx.Client, rng: random.Random) -> httpx.Response:
    p = person(rng)["diplomas"][-1]
    params = {"level1": p["level"], "programme1": p.get("programme") or "", "target": rng.choice(TARGETS)}
    return client.get("/", params={**params, "as_of": AS_OF.isoformat()})


def _degrees(client: httpx.Client, rng: random.Random) -> httpx.Response:
    return client.get("/api/v1/degrees", params={"q": rng.choice([n for n in PROGRAMMES if n])[:5]})


def _programme(client: httpx.Client, rng: random.Random) -> httpx.Response:
    return client.get("/api/v1/programmes/" + rng.choice(["pabo", "kopopleiding", "educatieve-master-1jr"]))


def _health(client: httpx.Client, _rng: random.Random) -> httpx.Response:
    return client.get("/api/v1/health")


REQUESTS = {
    "routes-targeted": _routes_targeted,
    "routes-untargeted": _routes_untargeted,
    "explain": _explain,
    "page": _page,
    "degrees": _degrees,
    "programme": _programme,
    "health": _health,
}


def _direct_baseline(catalogue: lr.Catalogue, samples: int, seed: int) -> dict[str, float]:
    """The route questions answered in this process, without HTTP: what the engine itself costs."""
    rng = random.Random(seed)
    times: dict[str, list[float]] = defaultdict(list)
    for _ in range(samples):
        for kind, target in (("routes-targeted", rng.choice(TARGETS)), ("routes-untargeted", None)):
            profile = structure(person(rng), lr.Profile)
            start = time.perf_counter()
            routes_report(catalogue, profile, target, as_of=AS_OF)
            times[kind].append(time.perf_counter() - start)
    return {kind: statistics.median(values) for kind, values in times.items()}


def _start_server(port: int) -> subprocess.Popen[bytes]:
    """``leraarroutes serve`` in its own process, once it answers its health check."""
    server = subprocess.Popen(
        [sys.executable, "-m", "leraarroutes", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise SystemExit("the server did not start") from None
            time.sleep(0.2)


class _Load:
    """The requests of one run, shared by the client threads; each thread has its own people."""

    def __init__(self, base: str, plan: list[str], seed: int) -> None:
        self.base, self.seed = base, seed
        self.cursor = iter(plan)
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []

    def client(self, number: int) -> None:
        rng = random.Random(self.seed * 1000 + number)
        with httpx.Client(base_url=self.base, timeout=60) as client:
            while (kind := self._next()) is not None:
                start = time.perf_counter()
                try:
                    response = REQUESTS[kind](client, rng)
                    failed = response.status_code >= 400
                    reason = f"{kind}: {response.status_code} {response.text[:160]}"
                except httpx.HTTPError as exc:
                    failed, reason = True, f"{kind}: {exc!r}"
                elapsed = time.perf_counter() - start
                with self.lock:
                    self.latencies[kind].append(elapsed)
                    if failed:
                        self.errors.append(reason)

    def _next(self) -> str | None:
        with self.lock:
            return next(self.cursor, None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=20261201)
    args = parser.parse_args()
    port = _free_port()
    server = _start_server(port)
    try:
        rss_before = _rss_mb(server.pid)
        plan = random.Random(args.seed).choices([k for k, _ in MIX], [w for _, w in MIX], k=args.requests)
        load = _Load(f"http://127.0.0.1:{port}", plan, args.seed)
        threads = [threading.Thread(target=load.client, args=(n,)) for n in range(args.clients)]
        began = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - began
        rss_after = _rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)
    _report(args, wall, load.latencies, load.errors, (rss_before, rss_after))
    return 1 if load.errors else 0


def _report(
    args: argparse.Namespace,
    wall: float,
    latencies: dict[str, list[float]],
    errors: list[str],
    memory: tuple[float, float],
) -> None:
    direct = _direct_baseline(lr.load_catalogue(), samples=30, seed=args.seed)
    every = [x for values in latencies.values() for x in values]
    health = statistics.median(latencies["health"]) if latencies["health"] else float("nan")
    print(f"web load: {args.clients} clients, {args.requests:,} requests over loopback, one uvicorn process, 2 cores")
    print(f"  throughput            {args.requests / wall:8.1f} requests/s  ({wall:.1f} s)")
    print(f"  latency, all          p50 {statistics.median(every) * 1000:8.1f} ms   p99 {_p99(every) * 1000:8.1f} ms")
    for kind, _ in MIX:
        values = latencies[kind]
        if not values:
            continue
        p50 = statistics.median(values)
        line = f"  {kind:<20}  p50 {p50 * 1000:8.1f} ms   p99 {_p99(values) * 1000:8.1f} ms   n={len(values):>5}"
        line += f"   ratio to health {p50 / health:7.1f}"
        if kind in direct:
            line += f"   ratio to the same question without HTTP {p50 / direct[kind]:5.1f}"
        print(line)
    for kind, value in direct.items():
        print(f"  baseline: {kind} in process, p50 {value * 1000:.1f} ms")
    print(f"  errors                {len(errors)}")
    for reason in errors[:5]:
        print(f"    {reason}")
    print(f"  server memory (RSS)   {memory[0]:.1f} MB before, {memory[1]:.1f} MB after")


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


if __name__ == "__main__":
    sys.exit(main())
