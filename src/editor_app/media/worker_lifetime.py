"""Worker processes that die with the process that started them.

A pool's spawned workers wait for work on a queue whose pipe they hold both ends of, so when
the process that started them is killed (kill -9, a crash, the task manager) nothing tells
them: they stayed, and with them multiprocessing's resource tracker (it exits only once every
process holding its pipe is gone), all keeping the caller's stdout open, so a script reading
an export's output never saw its end.

`die_with_parent` is the pools' initializer. A thread of the worker waits on multiprocessing's
parent sentinel and ends the worker when it fires. The sentinel is opened by multiprocessing
before any code of ours runs: on POSIX the read end of the pipe the parent started the worker
through, which reaches end-of-file when the parent is gone however it ended; on Windows a
handle to the parent process, signalled when it exits. A parent that died before the thread
started is therefore seen at once: there is no window to race. (A parent-death signal, prctl
PR_SET_PDEATHSIG, was not used: it fires when the *thread* that spawned the worker ends, and
a pool may be started from a short-lived thread and used from another.) When the last worker
is gone the resource tracker's pipe closes and it exits too.

Workers also stop writing to the caller's stdout and stderr (POSIX: both point at the null
device): results and errors travel back through the pool, and nothing a worker prints is for
the user, in English or otherwise.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from multiprocessing.process import BaseProcess

__all__ = ["WATCHER_NAME", "die_with_parent"]

WATCHER_NAME = "editor-app-die-with-parent"


def die_with_parent() -> None:
    """Pool initializer: the worker ends as soon as the process that started it is gone."""
    parent = multiprocessing.parent_process()
    if parent is None:  # not a spawned worker: nothing to watch
        return
    if os.name == "posix":
        _drop_caller_output()
    watcher = threading.Thread(target=_exit_with, args=(parent,), name=WATCHER_NAME, daemon=True)
    watcher.start()


def _exit_with(parent: BaseProcess) -> None:
    parent.join()  # returns when the parent sentinel fires: the parent has ended
    # At once, no clean-up: a rendition being written stays under its temp name (.tmp-*),
    # never half-written under its real one.
    os._exit(1)


def _drop_caller_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 1)
        os.dup2(null, 2)
    finally:
        os.close(null)
