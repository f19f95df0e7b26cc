"""Pages of payments, one module per area."""
