"""The renditions' worker processes die with the process that started them (issue 20, point 4).

A real process starts the app's rendition pool with work that keeps both workers busy; the test
kills it with SIGKILL, as a user killing an export does, then looks through /proc: no worker and
no multiprocessing resource tracker of it may remain, and the pipe that was its stdout must
reach end-of-file (a script reading the export's output gets its answer).
"""

from __future__ import annotations

import re
import sys
import time

import pytest
from helpers.process_tree import (
    kill_and_check_nothing_stays,
    marked,
    marked_process,
    needs_proc,
    wait_for,
    workers,
)

from editor_app.smoke import _pool_check

# The export's pool with both workers on a long job (time.sleep pickles by name).
_CHILD = """
import time
from editor_app.media.batch import rendition_pool
pool = rendition_pool(2)
busy = [pool.submit(time.sleep, 300) for _ in range(2)]
print("pool started", flush=True)
time.sleep(300)
"""


@pytest.mark.slow
@needs_proc
# Delays after both workers and the tracker are seen: some kills land while a worker is still
# starting (importing), others while both are busy.
@pytest.mark.parametrize("delay", [0.0, 0.05, 0.2, 0.5, 1.0, 2.0])
def test_workers_and_tracker_die_with_a_killed_parent(delay: float) -> None:
    with marked_process([sys.executable, "-c", _CHILD]) as (parent, mark):
        assert parent.stdout is not None
        assert parent.stdout.readline() == b"pool started\n"

        def started() -> bool:
            tracker = any("resource_tracker" in c for c in marked(mark).values())
            return tracker and workers(mark) == 2

        assert wait_for(started, 60), marked(mark)
        time.sleep(delay)
        kill_and_check_nothing_stays(parent, mark)


def test_the_smoke_test_sees_workers_watching_the_app() -> None:
    # What `editor-app --smoke` checks of the built app, here from the source tree (one worker
    # may answer both questions before the other has started).
    assert re.fullmatch(r"[12] worker process\(es\) answered, each watching the app", _pool_check())
