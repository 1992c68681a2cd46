"""The read-only partner API (Django REST framework): suppressed measures and the periods they cover."""
