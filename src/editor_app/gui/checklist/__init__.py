"""The pre-publication checklist panel."""
