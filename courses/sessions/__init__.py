"""Live training: sessions over one or more dates, bookings with waitlists, attendance."""
