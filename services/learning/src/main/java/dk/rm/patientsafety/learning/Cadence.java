package dk.rm.patientsafety.learning;

/** How often a subscription's summary comes: per ISO week (Monday to Sunday) or per calendar month. */
public enum Cadence { WEEKLY, MONTHLY }
