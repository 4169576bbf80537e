"""Concurrent load as separate processes, the way the hub is served in production.

The Dockerfile runs gunicorn with sync worker *processes*: concurrent requests there share the
machine's cores but not one Python interpreter. Threads in one process would also share its GIL,
and a search engine that steps through SQLite rows (the embedded backend) then waits on the other
threads' Python work at every step: a queue production does not have. So each simulated member
is a process of its own (spawned: no inherited connections or locks), warmed up on its own, and
all start together at a barrier.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import time


def _member(seed: int, urls: list[str], reps: int, barrier, results) -> None:
    """One member: warm up, wait for the others, then ask every URL `reps` times, shuffled."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    from django.test import Client

    client = Client()
    for url in urls:  # this process's own caches, connections and in-memory catalogue
        client.get(url)
    order = [(index, url) for index, url in enumerate(urls) for _ in range(reps)]
    random.Random(seed).shuffle(order)
    barrier.wait()
    times = []
    for index, url in order:
        t0 = time.perf_counter()
        client.get(url)
        times.append((index, (time.perf_counter() - t0) * 1000))
    results.put(times)


def run_members(urls: list[str], reps: int, members: int) -> tuple[list[tuple[int, float]], float]:
    """(url index, ms) for every request of `members` concurrent processes, and the wall time
    from the barrier to the last answer (seconds)."""
    return run_processes(_member, (urls, reps), members)


def run_processes(target, args: tuple, members: int) -> tuple[list, float]:
    """Start `members` spawned processes, each `target(seed, *args, barrier, results)`, let them
    go together at the barrier once each has warmed up, and gather what each puts on `results`
    (a list): every item, and the wall time from the barrier to the last answer (seconds)."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(members + 1)
    results = context.Queue()
    processes = [
        context.Process(target=target, args=(seed, *args, barrier, results))
        for seed in range(members)
    ]
    for process in processes:
        process.start()
    barrier.wait(timeout=600)
    wall0 = time.perf_counter()
    gathered: list = []
    for _ in processes:
        gathered.extend(results.get(timeout=3600))
    wall = time.perf_counter() - wall0
    for process in processes:
        process.join()
    return gathered, wall
