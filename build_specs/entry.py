"""The frozen app's entry point (PyInstaller runs this file as __main__).

`freeze_support()` comes before anything else: the export's renditions run in a pool of
*spawned* processes, and in a frozen app each of them starts this same binary, which must then
run the worker it was started for instead of the command line (or a second window).
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()

    from editor_app.cli import main

    sys.exit(main())
