"""Signals that learning sends for the packages above it (learning never imports them)."""

from django.dispatch import Signal

# Sent inside the transaction that records completions, with ``completion_ids`` (a list). Receivers act once it
# commits, and return how many things they queued: the certificates package queues each completion's certificate
# (``courses.certificates.signal_handlers``), and an import of history reports that count.
completions_recorded = Signal()
