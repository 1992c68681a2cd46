"""Background work for courses (certificates are rendered here)."""
