"""The newsroom's concepts and rules: pure Python, no Qt, no SQL, no files."""
